package dev.askbuild.core;

/**
 * The range of {@code SOURCE_DATE_EPOCH} every stage accepts, checked where a request is made so a
 * bad value is refused before any stage hashes, unpacks or compiles anything.
 */
public final class SourceDateEpoch {
  /**
   * 2106-02-07T06:28:15Z, the last second an unsigned 32-bit time field holds: the limit of the
   * formats the epoch ends up in (tar's and ext4's 32-bit time fields, cpio's initramfs headers).
   * Beyond it the tools clamp or wrap the time (GNU tar wrote 2262, make saw clock skew), so the
   * same epoch would no longer give the same bytes.
   */
  public static final long MAX = 0xFFFF_FFFFL;

  private SourceDateEpoch() {}

  /** {@code seconds} if it is in range; otherwise a bad-input error naming {@code option} and why. */
  public static long check(long seconds, String option) {
    if (seconds < 0 || seconds > MAX) {
      throw AskBuildException.badInput(option + " must be between 0 and " + MAX + " seconds (2106-02-07T06:28:15Z,"
          + " the end of 32-bit unsigned tar and ext4 time fields), got " + seconds);
    }
    return seconds;
  }
}
