package dev.askbuild.kernel;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.extract.ArchiveScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel tree's version as its top-level Makefile states it ({@code VERSION}, {@code
 * PATCHLEVEL}, {@code SUBLEVEL}), read from the tarball by streaming, so a tarball of another kernel
 * line is refused in seconds instead of failing a patch after minutes of extraction.
 */
public record KernelVersion(int version, int patchlevel, int sublevel) {
  private static final Pattern FIELD = Pattern.compile("(?m)^(VERSION|PATCHLEVEL|SUBLEVEL)\\s*=\\s*(\\d+)\\s*$");

  static KernelVersion parse(String source, String makefile) {
    int[] v = {-1, -1, -1};
    Matcher m = FIELD.matcher(makefile);
    while (m.find()) {
      int i = switch (m.group(1)) {
        case "VERSION" -> 0;
        case "PATCHLEVEL" -> 1;
        default -> 2;
      };
      if (v[i] < 0) {
        v[i] = Integer.parseInt(m.group(2));
      }
    }
    if (v[0] < 0 || v[1] < 0) {
      throw AskBuildException.badInput(source + ": its top-level Makefile states no VERSION and PATCHLEVEL;"
          + " is it a Linux source tarball?");
    }
    return new KernelVersion(v[0], v[1], Math.max(v[2], 0));
  }

  /** The version of the kernel in a tarball (one leading directory, as kernel tarballs have). */
  public static KernelVersion of(TrustedFile tarball) throws IOException {
    String makefile = new ArchiveScanner().readText(tarball.recheck(), 1, "Makefile", 1 << 20)
        .orElseThrow(() -> AskBuildException.badInput(tarball.name() + " has no top-level Makefile after its first"
            + " directory; it is not a Linux source tarball"));
    return parse(tarball.name(), makefile);
  }

  /**
   * As {@link #of(TrustedFile)}, remembered in the cache by the tarball's proven hash: reaching the
   * Makefile means decompressing the tarball up to it (two seconds for Debian's), and bytes with
   * that hash always hold the same Makefile.
   */
  public static KernelVersion of(TrustedFile tarball, Path cache) throws IOException {
    Path memo = cache.toAbsolutePath().resolve("kernel-survey").resolve("version-" + tarball.sha256() + ".txt");
    if (Files.isRegularFile(memo)) {
      String[] f = Files.readString(memo, StandardCharsets.UTF_8).strip().split("\\.");
      if (f.length == 3 && java.util.Arrays.stream(f).allMatch(x -> x.matches("\\d{1,4}"))) {
        return new KernelVersion(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
      }
    }
    KernelVersion version = of(tarball);
    Files.createDirectories(memo.getParent());
    Path tmp = memo.resolveSibling("." + memo.getFileName() + "." + java.util.UUID.randomUUID());
    Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, memo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return version;
  }

  /**
   * Exit 2 unless this is the kernel line {@code wanted} names: {@code 6.12} takes any 6.12.y,
   * {@code 6.12.49} exactly that.
   */
  public void require(String wanted, String tarball, String board) {
    String[] parts = wanted.split("\\.");
    int[] want = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      want[i] = Integer.parseInt(parts[i]);
    }
    int[] have = {version, patchlevel, sublevel};
    for (int i = 0; i < want.length && i < 3; i++) {
      if (want[i] != have[i]) {
        throw AskBuildException.badInput("kernel tarball " + tarball + " is Linux " + this + ", but board " + board
            + " is built on Linux " + wanted + ": its patch series and config are for that line; give the board's"
            + " kernel tarball (askbuild boards lists it) or one of Linux " + wanted);
      }
    }
  }

  @Override
  public String toString() {
    return version + "." + patchlevel + "." + sublevel;
  }
}
