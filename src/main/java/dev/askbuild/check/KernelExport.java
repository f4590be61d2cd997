package dev.askbuild.check;

import java.io.Serializable;

/** A symbol a kernel module exports; {@code crc} is -1 when the module carries none. */
public record KernelExport(String symbol, long crc, boolean gplOnly) implements Serializable {}
