package dev.askbuild.sysroot;

import java.nio.file.Path;

/** A ready sysroot: where it is, the hash of its inputs, and whether it came from the cache. */
public record SysrootResult(Path sysroot, String key, boolean cacheHit) {}
