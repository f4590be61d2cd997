/**
 * The only way an archive is read: safe extraction (no escaping paths or links, no devices, size
 * limits), reproducible tar writing and normalization. Uses {@code core}; the only user of Commons Compress.
 */
package dev.askbuild.extract;
