package org.infodesk.app.form;

import java.time.Instant;

/** One recorded change: who, when, which revision and item, the old and new value (JSON text, null = unanswered). */
public record AuditEntry(Instant at, String user, int revision, String item, String oldValue, String newValue) {}
