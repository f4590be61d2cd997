package dev.askbuild.kernel;

/**
 * How many objects a kernel make is expected to build, and where that number comes from.
 *
 * @param exact taken from an earlier build of the same tree and resolved {@code .config}
 * @param source said in the progress lines' first message, so a user knows how far to trust the ETA
 */
record ObjectEstimate(int objects, boolean exact, String source) {}
