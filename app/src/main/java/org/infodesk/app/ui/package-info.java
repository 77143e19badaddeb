/**
 * What the screens of several features share, with no feature of its own: running slow work off
 * the JavaFX thread ({@link org.infodesk.app.ui.Background}) and keyboard habits
 * ({@link org.infodesk.app.ui.Keys}). Depends on no feature package.
 */
package org.infodesk.app.ui;
