package dev.askbuild.verify;

/** One line of a SHA256SUMS list: the expected digest of {@code name}, from line {@code line}. */
public record ChecksumEntry(int line, String expected, String name) {}
