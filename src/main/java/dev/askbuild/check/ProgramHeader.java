package dev.askbuild.check;

import java.io.Serializable;

/** One program header (segment). */
public record ProgramHeader(long type, long flags, long offset, long vaddr, long fileSize, long memSize)
    implements Serializable {}
