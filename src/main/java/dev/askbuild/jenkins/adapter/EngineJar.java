package dev.askbuild.jenkins.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The engine jar the plugin carries, and its placement on an agent: under
 * {@code <agent root>/askbuild-engine/<sha256>/askbuild.jar}, copied on first use and reused while
 * its hash matches, so agents need no manual installation and a plugin upgrade brings a new
 * directory instead of overwriting a jar a running build may use.
 */
public final class EngineJar {
  /** Where the {@code jenkins} profile puts the shaded engine jar inside the plugin jar. */
  public static final String RESOURCE = "/dev/askbuild/jenkins/engine/askbuild.jar";
  static final String CACHE_DIR = "askbuild-engine";

  /** Opens the jar's bytes; a supplier so the plugin reads its resource only when copying. */
  public interface Source {
    InputStream open() throws IOException;
  }

  private final Source source;
  private final String sha256;

  private EngineJar(Source source, String sha256) {
    this.source = source;
    this.sha256 = sha256;
  }

  public static EngineJar of(Source source) {
    try (InputStream in = source.open()) {
      if (in == null) {
        throw new IllegalStateException("the engine jar " + RESOURCE + " is missing from the plugin");
      }
      MessageDigest digest = newDigest();
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return new EngineJar(source, HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the engine jar: " + e.getMessage(), e);
    }
  }

  public static EngineJar ofFile(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("engine jar not found: " + jar + " (run mvn package)");
    }
    return of(() -> Files.newInputStream(jar));
  }

  /** SHA-256, which every JDK has (the plugin carries no engine class to the controller). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** The hex SHA-256 of a file, as the agent computes it for a copy it holds. */
  public static String sha256Of(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public String sha256() {
    return sha256;
  }

  /** Puts the jar on the agent unless a copy with the same hash is there; returns its path. */
  public String place(AgentFiles files, String agentRoot) throws IOException, InterruptedException {
    String dir = agentRoot + "/" + CACHE_DIR + "/" + sha256;
    String jar = dir + "/askbuild.jar";
    if (files.exists(jar) && files.sha256(jar).equals(sha256)) {
      return jar;
    }
    files.mkdirs(dir);
    String partial = dir + "/.askbuild.jar." + UUID.randomUUID();
    try {
      try (InputStream in = source.open()) {
        files.write(partial, in);
      }
      String got = files.sha256(partial);
      if (!got.equals(sha256)) {
        throw new IOException("engine jar copied to " + partial + " has sha256 " + got + ", expected " + sha256);
      }
      files.rename(partial, jar);
    } finally {
      files.deleteRecursive(partial);
    }
    return jar;
  }
}
