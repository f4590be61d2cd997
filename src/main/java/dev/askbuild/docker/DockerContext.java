package dev.askbuild.docker;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The build context of one docker-mode build, made from the request so that it holds exactly what
 * the Dockerfile reads: {@code Dockerfile}, {@code .dockerignore}, {@code opt/askbuild-stage},
 * {@code opt/lib/*.jar}, {@code packages/} (hard links to the public tarballs; a private one is
 * left out even when it also sits in the packages directory) and {@code ccache-seed/} (the compiler
 * cache sent along, hard links again; empty when none is). Private files get a link each in a
 * 0700 directory outside the context, so the command line and the log name the link, not the file.
 */
public final class DockerContext {
  static final String DOCKERFILE = "Dockerfile";
  /** The context directory the Dockerfile's ccache-seed stage copies from. */
  static final String CCACHE_SEED = "ccache-seed";
  private static final String RESOURCES = "/dev/askbuild/docker/";
  /** Class directories packed into a jar get fixed entry times: same classes, same bytes, same cache key. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2024, 5, 1, 0, 0);

  /** A staged context and the secret sources, in slot order. */
  public record Staged(Path dir, Path secretsDir, List<Path> secrets) {}

  private DockerContext() {}

  /** Stages the context of {@code request} in {@code dir} (replaced) and its secret links in {@code secretsDir}. */
  public static Staged stage(DockerRequest request, Path dir, Path secretsDir) throws IOException {
    FileTrees.deleteRecursively(dir);
    Files.createDirectories(dir.resolve("opt/lib"));
    Files.createDirectories(dir.resolve("packages"));
    copyResource("Dockerfile", dir.resolve(DOCKERFILE));
    copyResource(".dockerignore", dir.resolve(".dockerignore"));
    copyResource("askbuild-stage", dir.resolve("opt/askbuild-stage"));
    linkPackages(request, dir.resolve("packages"));
    Files.createDirectories(dir.resolve(CCACHE_SEED));
    if (request.ccacheSeed().isPresent()) {
      linkCcache(request.ccacheSeed().get(), dir.resolve(CCACHE_SEED));
    }
    int index = 0;
    for (Path entry : request.classpath()) {
      String prefix = String.format("%02d-", index++);
      if (Files.isDirectory(entry)) {
        packClasses(entry, dir.resolve("opt/lib/" + prefix + "classes.jar"));
      } else if (Files.isRegularFile(entry)) {
        linkOrCopy(entry, dir.resolve("opt/lib/" + prefix + entry.getFileName()));
      } else {
        throw AskBuildException.environment("class path entry " + entry + " does not exist");
      }
    }
    return new Staged(dir, secretsDir, linkSecrets(request.privates(), secretsDir));
  }

  /** Removes the context and the secret links (the links name the private files). */
  public static void remove(Staged staged) {
    FileTrees.deleteQuietly(staged.secretsDir());
    FileTrees.deleteQuietly(staged.dir());
  }

  private static void linkPackages(DockerRequest request, Path target) throws IOException {
    Path packages = request.packages().toAbsolutePath().normalize();
    if (!Files.isDirectory(packages)) {
      throw AskBuildException.badInput("--packages " + packages + " is not a directory");
    }
    Set<String> privateNames = request.privates().stream().map(PrivateInput::name).collect(Collectors.toSet());
    Path real = packages.toRealPath();
    try (Stream<Path> list = Files.list(packages)) {
      for (Path p : list.sorted().toList()) {
        String name = p.getFileName().toString();
        if (privateNames.contains(name) || Files.isDirectory(p)) {
          continue;
        }
        Path source = p;
        if (Files.isSymbolicLink(p)) {
          // The same rule as verification: a link may point only at a file inside the directory.
          source = p.toRealPath();
          if (!source.startsWith(real)) {
            throw AskBuildException.badInput(packages.resolve(name) + " links to " + source
                + ", outside the packages directory");
          }
        }
        if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
          linkOrCopy(source, target.resolve(name));
        }
      }
    }
  }

  /**
   * ccache's result files and its configuration, not its lock files (another build holding one
   * would leave it stale in the daemon's cache), nor its statistics and temporary files.
   */
  private static void linkCcache(Path seed, Path target) throws IOException {
    Path root = seed.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw AskBuildException.badInput("--ccache-seed " + root + " is not a directory");
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        String name = p.getFileName().toString();
        Path relative = root.relativize(p);
        if (name.endsWith(".lock") || name.equals("stats") || name.startsWith(".") || relative.startsWith("tmp")) {
          continue;
        }
        Path copy = target.resolve(relative.toString());
        Files.createDirectories(copy.getParent());
        linkOrCopy(p, copy);
      }
    }
  }

  private static List<Path> linkSecrets(List<PrivateInput> privates, Path secretsDir) throws IOException {
    FileTrees.deleteRecursively(secretsDir);
    List<Path> links = new ArrayList<>();
    if (privates.isEmpty()) {
      return links;
    }
    Files.createDirectories(secretsDir);
    Files.setPosixFilePermissions(secretsDir, PosixFilePermissions.fromString("rwx------"));
    for (int i = 0; i < privates.size(); i++) {
      Path link = secretsDir.resolve("private" + (i + 1));
      Files.createSymbolicLink(link, privates.get(i).file().toAbsolutePath());
      links.add(link);
    }
    return links;
  }

  /** A hard link costs nothing for a kernel tarball; across file systems it is a copy. */
  private static void linkOrCopy(Path source, Path target) throws IOException {
    PackagesDir.linkOrCopy(source, target);
  }

  private static void packClasses(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(classes.relativize(file).toString().replace('\\', '/'));
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = DockerContext.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the jar");
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        in.transferTo(out);
      }
    }
  }
}
