package dev.askbuild.check;

import java.io.Serializable;

/** One section header, its name already looked up. */
public record SectionHeader(
    int index, String name, long type, long flags, long addr, long offset, long size, long link, long entrySize)
    implements Serializable {}
