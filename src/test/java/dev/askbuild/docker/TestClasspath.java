package dev.askbuild.docker;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The engine's class path inside a test JVM, for the builder image: the main classes and the
 * runtime jars, without the test classes and test libraries (surefire hands the JVM a launcher jar
 * whose manifest lists the real class path).
 */
final class TestClasspath {
  private static final List<String> TEST_ONLY = List.of("junit-", "opentest4j-", "apiguardian-", "assertj-",
      "byte-buddy-", "archunit-", "surefire", "slf4j-", "junit5-", "common-java5-", "common-junit");

  private TestClasspath() {}

  static List<Path> engine() throws IOException {
    List<Path> entries = new ArrayList<>();
    for (String s : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!s.isEmpty()) {
        entries.addAll(expand(Path.of(s)));
      }
    }
    List<Path> engine = entries.stream()
        .filter(p -> !p.toString().contains("test-classes"))
        .filter(p -> TEST_ONLY.stream().noneMatch(t -> p.getFileName().toString().startsWith(t)))
        .distinct().toList();
    if (engine.stream().noneMatch(p -> p.toString().endsWith("classes") && Files.isDirectory(p))) {
      throw new IllegalStateException("no main classes directory on the test class path: " + entries);
    }
    return engine;
  }

  /** A launcher jar stands for the class path its manifest lists. */
  private static List<Path> expand(Path entry) throws IOException {
    if (!Files.isRegularFile(entry) || !entry.getFileName().toString().startsWith("surefirebooter")) {
      return List.of(entry);
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      String cp = jar.getManifest().getMainAttributes().getValue("Class-Path");
      return Arrays.stream(cp.trim().split("\\s+")).map(u -> Path.of(URI.create(u))).toList();
    }
  }
}
