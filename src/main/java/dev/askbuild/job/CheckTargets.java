package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.check.CheckTarget;
import dev.askbuild.core.AskBuildException;

/** The ELF identity a board's artifacts must have, from its profile. */
public final class CheckTargets {
  private CheckTargets() {}

  public static CheckTarget of(BoardProfile board) {
    dev.askbuild.core.Toolchain t = board.toolchain();
    if (!t.arch().equals("arm64")) {
      throw AskBuildException.badInput(
          "board " + board.name() + ": the check stage knows arm64 only, not '" + t.arch() + "'");
    }
    CheckTarget aarch64 = CheckTarget.aarch64();
    return new CheckTarget(aarch64.elfClass(), aarch64.machine(), t.loader(), t.triple(), t.libc());
  }
}
