package dev.askbuild.extract;

import java.nio.file.Path;

/** What an accepted archive turned into, and what decoded it (built-in, or a host program). */
public record ExtractResult(
    Path into,
    ArchiveFormat format,
    long entries,
    long files,
    long directories,
    long symlinks,
    long hardlinks,
    long bytes,
    long skipped,
    String decoder) {}
