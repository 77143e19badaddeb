package org.infodesk.protocol.definition;

/** A titled part of a domain's form; items name the section they appear in. */
public record Section(String id, Text label) {}
