package org.infodesk.protocol.definition;

/**
 * A cross-field check, written in the rule language of {@code SPEC.md} §2.4. It must hold
 * (evaluate to true); when it evaluates to false, {@link #message()} is shown.
 */
public record Rule(String id, Severity severity, String expr, Text message) {}
