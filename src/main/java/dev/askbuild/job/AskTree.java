package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.extract.ExtractRequest;
import dev.askbuild.extract.SafeExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ASK tarball unpacked once per run for the board values that point into it ({@code
 * ask:config/kernel/defconfig}, {@code ask:patches/...}): the one resolver of such values, which
 * keeps every one of them inside the tree.
 */
final class AskTree {
  private final Path root;

  private AskTree(Path root) {
    this.root = root;
  }

  /** Unpacks the verified ASK tarball into {@code dir} (replacing an earlier run's copy). */
  static AskTree unpack(TrustedFile tarball, Path dir, long epoch) throws IOException {
    FileTrees.deleteRecursively(dir);
    Files.createDirectories(dir.getParent());
    new SafeExtractor().extract(tarball, ExtractRequest.of(tarball.file(), dir)
        .withStripComponents(1).withDropVcs(true).withEpoch(epoch));
    return new AskTree(dir.toAbsolutePath().normalize());
  }

  /** {@code ask:REL} as a path inside the tree; exit 2 when it leaves the tree or is not there. */
  Path resolve(String value) {
    if (!value.startsWith(BoardProfile.ASK_PREFIX)) {
      throw new IllegalArgumentException(value + " is not an ask: value");
    }
    String relative = value.substring(BoardProfile.ASK_PREFIX.length());
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root)) {
      throw AskBuildException.badInput(value + " leaves the ASK source tree");
    }
    if (!Files.exists(p)) {
      throw AskBuildException.badInput(value + " does not exist in the ASK tarball");
    }
    return p;
  }
}
