package dev.askbuild.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names a file that differs between native and docker mode, where, and the likeliest cause. */
final class ByteDifference {
  private ByteDifference() {}

  static String explain(String name, Path nativeFile, Path dockerFile, Path nativeProvenance, Path dockerProvenance)
      throws IOException {
    byte[] a = Files.readAllBytes(nativeFile);
    byte[] b = Files.readAllBytes(dockerFile);
    int at = 0;
    while (at < Math.min(a.length, b.length) && a[at] == b[at]) {
      at++;
    }
    StringBuilder sb = new StringBuilder(name + ": " + a.length + " bytes native, " + b.length
        + " in docker, first difference at offset " + at + ": native '" + printable(a, at) + "' docker '"
        + printable(b, at) + "'");
    JsonNode ta = toolchain(nativeProvenance);
    JsonNode tb = toolchain(dockerProvenance);
    if (!ta.equals(tb)) {
      sb.append("; the toolchains differ: native ").append(ta).append(", docker ").append(tb);
    } else if (printable(a, at).contains("/") || printable(b, at).contains("/")) {
      sb.append("; a build path is embedded (native and docker build in different directories)");
    }
    return sb.toString();
  }

  private static JsonNode toolchain(Path provenance) throws IOException {
    JsonNode node = new ObjectMapper().readTree(provenance.toFile());
    return node.has("toolchain") ? node.get("toolchain") : node;
  }

  /** The printable bytes around {@code at}, where an embedded path or version shows. */
  private static String printable(byte[] bytes, int at) {
    int from = Math.max(0, at - 32);
    int to = Math.min(bytes.length, at + 48);
    String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    return text.replaceAll("[^\\x20-\\x7e]", ".");
  }
}
