package dev.askbuild.job;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileTrees;
import dev.askbuild.core.Sha256;
import dev.askbuild.core.TrustedFile;
import dev.askbuild.extract.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo board's inputs, made by ask-build itself into the cache (not the output directory): the
 * ASK-shaped sample package and its vendored library (shipped as resources, packed reproducibly at a
 * fixed time, so their hashes are pinned in the board's {@code demo.hash}), and a {@code SHA256SUMS}
 * that also lists Debian's linux-source-6.12 tarball, which is read where Debian installed it.
 */
public final class DemoInputs {
  public static final Path DEBIAN_KERNEL_TAR = Path.of("/usr/src/linux-source-6.12.tar.xz");
  /** The time the demo tarballs are packed at, whatever epoch a build uses: their bytes are pinned. */
  public static final long PACK_EPOCH = 1714521600L;

  private static final String BASE = "/dev/askbuild/demo/";

  private DemoInputs() {}

  /** The generated packages directory, and the files read from elsewhere, by name. */
  public record Generated(Path packages, Map<String, Path> elsewhere) {}

  /**
   * Writes (or reuses) the demo inputs under {@code cache/demo-inputs}. The kernel tarball's hash
   * is taken again only when its size, time or inode changed (a Debian update).
   */
  public static Generated prepare(Path cache) throws IOException {
    if (!Files.isRegularFile(DEBIAN_KERNEL_TAR)) {
      throw AskBuildException.environment(
          DEBIAN_KERNEL_TAR + " is missing: apt-get install linux-source-6.12 (askbuild setup --board demo)");
    }
    Path dir = Files.createDirectories(cache.toAbsolutePath().resolve("demo-inputs"));
    Path staging = FileTrees.stagingSibling(dir.resolve("packages"));
    Files.createDirectories(staging);
    try {
      writeSources(staging, PACK_EPOCH);
      String kernelName = DEBIAN_KERNEL_TAR.getFileName().toString();
      StringBuilder sums = new StringBuilder("# made by askbuild for the demo board\n");
      try (var list = Files.list(staging)) {
        for (Path p : list.sorted().toList()) {
          sums.append(Sha256.ofFile(p)).append("  ").append(p.getFileName()).append('\n');
        }
      }
      sums.append(kernelSha(dir)).append("  ").append(kernelName).append('\n');
      Files.writeString(staging.resolve("SHA256SUMS"), sums.toString());
      Path packages = dir.resolve("packages");
      Path published = packages.resolve("SHA256SUMS");
      // The same bytes already published stay as they are, so a run reading them is not disturbed.
      if (!Files.isRegularFile(published) || !Files.readString(published).equals(sums.toString())) {
        FileTrees.deleteRecursively(packages);
        FileTrees.publish(staging, packages);
      }
      return new Generated(packages, Map.of(kernelName, DEBIAN_KERNEL_TAR));
    } finally {
      FileTrees.deleteQuietly(staging);
    }
  }

  /** The kernel tarball's hash, remembered beside its stamp so an unchanged tarball is hashed once. */
  private static String kernelSha(Path dir) throws IOException {
    Path remembered = dir.resolve("kernel.sha256");
    String stamp = TrustedFile.Stamp.of(DEBIAN_KERNEL_TAR).toString();
    if (Files.isRegularFile(remembered)) {
      String[] lines = Files.readString(remembered).split("\n");
      if (lines.length == 2 && lines[0].equals(stamp)) {
        return lines[1];
      }
    }
    String sha = TrustedFile.hash(DEBIAN_KERNEL_TAR.getFileName().toString(), DEBIAN_KERNEL_TAR).sha256();
    Files.writeString(remembered, stamp + "\n" + sha);
    return sha;
  }

  /**
   * Packs the sample ASK package (with a {@code .git} directory, as ASK's own tarball has) and its
   * vendored library into {@code packages}; returns the ASK tarball.
   */
  public static Path writeSources(Path packages, long epoch) throws IOException {
    Files.createDirectories(packages);
    Map<String, List<TarWriter.TreeFile>> trees = new TreeMap<>();
    for (String line : resource("files.list").lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String path = line.strip();
      int slash = path.indexOf('/');
      byte[] content = bytes(path);
      boolean executable = new String(content, 0, Math.min(2, content.length), StandardCharsets.ISO_8859_1).equals("#!");
      trees.computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>())
          .add(new TarWriter.TreeFile(path.substring(slash + 1), content, executable));
    }
    trees.get("ask-demo").add(
        new TarWriter.TreeFile(".git/HEAD", "ref: refs/heads/main\n".getBytes(StandardCharsets.UTF_8), false));
    for (var tree : trees.entrySet()) {
      TarWriter.writeTarGz(packages.resolve(tree.getKey() + ".tar.gz"), tree.getKey(), tree.getValue(), epoch);
    }
    return packages.resolve("ask-demo.tar.gz");
  }

  private static String resource(String name) throws IOException {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = DemoInputs.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + BASE + name + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }
}
