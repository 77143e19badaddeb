package org.infodesk.server.registry;

/** One LAO of the registry: its 7-digit code (T PP AA NN), Thai and English names, district and province. */
public record Lao(String code, String nameTh, String nameEn, String district, String province) {}
