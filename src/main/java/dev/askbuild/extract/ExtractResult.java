package dev.askbuild.extract;

import java.io.Serializable;

/**
 * What an accepted archive turned into, and what decoded it (built-in, or a host program). The
 * directory is a string so the result serializes like every other.
 */
public record ExtractResult(
    String into,
    ArchiveFormat format,
    long entries,
    long files,
    long directories,
    long symlinks,
    long hardlinks,
    long bytes,
    long skipped,
    String decoder) implements Serializable {
  private static final long serialVersionUID = 1L;
}
