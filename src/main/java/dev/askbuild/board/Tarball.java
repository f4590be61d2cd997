package dev.askbuild.board;

/**
 * One input tarball a board names.
 *
 * @param owner who reads it: {@code kernel}, {@code ask} or the vendored library's name
 * @param name its file name in the packages directory (and in {@code SHA256SUMS})
 */
public record Tarball(TarballRole role, String owner, String name) {}
