package dev.askbuild.jenkins.adapter;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The engine jar as the tests can have it: the shaded {@code target/askbuild.jar} is made in
 * {@code package}, after the tests, so this is a jar whose manifest names the CLI's main class and,
 * as its class path, the build's classes and libraries. It is placed on the agent and run with
 * {@code java -jar} exactly as the plugin's jar is.
 */
final class TestEngine {
  private TestEngine() {}

  static synchronized Path jar() throws IOException {
    Path jar = Path.of(System.getProperty("askbuild.project.dir", "."), "target", "test-engine", "askbuild.jar");
    Files.createDirectories(jar.getParent());
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (entry.isBlank() || entry.contains("test-classes")) {
        continue;
      }
      Path p = Path.of(entry).toAbsolutePath();
      entries.add(p.toUri().toString());
    }
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.askbuild.cli.Main");
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
    Path partial = jar.resolveSibling("askbuild.jar." + ProcessHandle.current().pid());
    try (OutputStream out = Files.newOutputStream(partial); JarOutputStream j = new JarOutputStream(out, m)) {
      j.finish(); // The manifest is the whole jar.
    }
    Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
