package org.infodesk.protocol.definition;

/** One choice of a single- or multiple-choice item. */
public record Option(String value, Text label) {}
