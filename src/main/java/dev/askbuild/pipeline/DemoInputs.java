package dev.askbuild.pipeline;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Sha256;
import dev.askbuild.extract.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo board's inputs, made by ask-build itself: the ASK-shaped sample package and its
 * vendored library (shipped as resources, packed reproducibly), Debian's linux-source-6.12
 * tarball, and a SHA256SUMS over them.
 */
public final class DemoInputs {
  public static final Path DEBIAN_KERNEL_TAR = Path.of("/usr/src/linux-source-6.12.tar.xz");
  private static final String BASE = "/dev/askbuild/demo/";

  private DemoInputs() {}

  /** Writes the demo packages directory (created if missing) and returns it. */
  public static Path write(Path packages, long epoch) throws IOException {
    if (!Files.isRegularFile(DEBIAN_KERNEL_TAR)) {
      throw AskBuildException.environment(
          DEBIAN_KERNEL_TAR + " is missing: apt-get install linux-source-6.12 (askbuild setup --board demo)");
    }
    writeSources(packages, epoch);
    Path kernel = packages.resolve(DEBIAN_KERNEL_TAR.getFileName());
    if (!Files.exists(kernel) || Files.size(kernel) != Files.size(DEBIAN_KERNEL_TAR)) {
      Files.copy(DEBIAN_KERNEL_TAR, kernel, StandardCopyOption.REPLACE_EXISTING);
    }
    StringBuilder sums = new StringBuilder("# made by askbuild for the demo board\n");
    try (var list = Files.list(packages)) {
      for (Path p : list.sorted().toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith("SHA256SUMS")) {
          sums.append(Sha256.ofFile(p)).append("  ").append(name).append('\n');
        }
      }
    }
    Files.writeString(packages.resolve("SHA256SUMS"), sums.toString());
    return packages;
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
