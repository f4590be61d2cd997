package dev.askbuild.cache;

import java.io.Serializable;

/**
 * One published entry of the stage cache, as {@code askbuild cache list} shows it.
 *
 * @param kind {@code kernel} (a prepared tree, {@code kernel/<id>}) or {@code sysroot} ({@code sysroot-<id>})
 * @param relative its path under the cache root, the name export writes it under
 * @param lastUsedMillis when a build last hit or published it
 * @param manifest whether it has an entry manifest (entries published before they existed do not)
 */
public record CacheEntry(String kind, String id, String relative, long bytes, long lastUsedMillis, boolean manifest)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
