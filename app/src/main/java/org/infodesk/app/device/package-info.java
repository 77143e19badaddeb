/**
 * This installation's device key (ADR 0006): an Ed25519 pair made by the JDK at first run, kept
 * in the data folder with owner-only permissions, loaded on later runs and never silently
 * replaced ({@link org.infodesk.app.device.DeviceKeys}). Enrolment (issue 7) sends its public
 * half; certification signs with it. The store records the public half
 * ({@link org.infodesk.app.device.DeviceRepository}).
 */
package org.infodesk.app.device;
