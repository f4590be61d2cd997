package dev.askbuild.extract;

import dev.askbuild.core.AskBuildException;

/**
 * Bounds on what one archive may expand to. The defaults let Debian's 6.12 kernel tarball through
 * (about 1.5 GiB in 92,000 entries from 145 MiB, a ratio near 11) and stop a decompression bomb
 * long before it fills the disk.
 *
 * @param maxTotalBytes most bytes of file content written
 * @param maxEntries most archive entries of any kind
 * @param maxRatio most bytes written per byte of archive, once past {@code ratioFloorBytes}
 * @param ratioFloorBytes output below this size is never judged by ratio (tiny archives of
 *     repetitive text compress very well and are harmless)
 */
public record ExtractLimits(
    long maxTotalBytes, long maxEntries, double maxRatio, long ratioFloorBytes) {
  public static final ExtractLimits DEFAULTS =
      new ExtractLimits(3L << 30, 250_000, 40.0, 64L << 20);

  public ExtractLimits {
    if (maxTotalBytes <= 0 || maxEntries <= 0 || maxRatio <= 0 || ratioFloorBytes < 0) {
      throw AskBuildException.badInput("extraction limits must be positive");
    }
  }

  /** The byte budget for an archive of {@code archiveSize} bytes: the tighter of both limits. */
  public long byteBudget(long archiveSize) {
    double byRatio = Math.max((double) ratioFloorBytes, maxRatio * archiveSize);
    return (long) Math.min((double) maxTotalBytes, byRatio);
  }

  /** Why {@code written} bytes crossed the budget, for the error message. */
  String describeBudget(long archiveSize) {
    long budget = byteBudget(archiveSize);
    return budget == maxTotalBytes
        ? "the total size limit of " + maxTotalBytes + " bytes"
        : "the expansion ratio limit of " + maxRatio + "x the archive's " + archiveSize + " bytes";
  }
}
