package dev.askbuild.docker;

import dev.askbuild.fixture.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's ASK tarball as a private drop: the same tree plus a file holding a marker, packed as
 * a plain (uncompressed) tar so that any copy of it anywhere shows the marker to a byte search.
 */
final class PrivateTarball {
  private PrivateTarball() {}

  static Path askDemoWithMarker(Path askTarball, Path target, String marker, Path work) throws Exception {
    Files.createDirectories(work);
    Fixtures.run("tar", "-xzf", askTarball.toString(), "-C", work.toString());
    Files.writeString(work.resolve("ask-demo/PRIVATE-NOTICE"), marker + "\n");
    Fixtures.run("tar", "--sort=name", "--mtime=@" + Fixtures.EPOCH, "--owner=0", "--group=0", "--numeric-owner",
        "-cf", target.toString(), "-C", work.toString(), "ask-demo");
    if (!Files.isRegularFile(target)) {
      throw new IOException("tar made no " + target);
    }
    return target;
  }
}
