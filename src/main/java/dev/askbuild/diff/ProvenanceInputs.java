package dev.askbuild.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The inputs a {@code provenance.json} names, flattened to one value each: the tarballs (as
 * verification proved them, with their origin, pinned or listed), the other inputs with their
 * hashes (the kernel's .config and Module.symvers), the kernel patches and config fragment, the
 * sysroot's key, the toolchain's versions and the epoch. Names are those the provenance uses, so
 * that a cause reads as the input a person knows.
 */
public final class ProvenanceInputs {
  private ProvenanceInputs() {}

  public static SortedMap<String, InputFact> of(JsonNode p) {
    SortedMap<String, InputFact> out = new TreeMap<>();
    JsonNode origins = p.path("tarballOrigins");
    for (Iterator<Map.Entry<String, JsonNode>> it = p.path("tarballs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), new InputFact(e.getKey(), e.getValue().asText(), origins.path(e.getKey()).asText("verified")));
    }
    for (JsonNode i : p.path("inputs")) {
      String name = i.path("name").asText("");
      if (!name.isEmpty() && !out.containsKey(name)) {
        out.put(name, new InputFact(name, i.path("sha256").asText(""), i.path("path").asText("")));
      }
    }
    JsonNode manifest = p.path("kernelManifest");
    for (JsonNode patch : manifest.path("patches")) {
      String name = "kernel patch " + patch.path("name").asText();
      out.put(name, new InputFact(name, patch.path("sha256").asText(""), "board patch series"));
    }
    if (manifest.has("fragmentSha256")) {
      out.put("kernel config fragment", new InputFact("kernel config fragment", manifest.path("fragmentSha256").asText(),
          manifest.path("fragmentSource").asText("")));
    }
    if (p.has("sysrootKey")) {
      out.put("sysroot", new InputFact("sysroot", p.path("sysrootKey").asText(), "sysroot cache key"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = p.path("toolchain").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = "toolchain " + e.getKey();
      out.put(name, new InputFact(name, e.getValue().asText(), "--version"));
    }
    if (p.has("epoch")) {
      out.put("epoch", new InputFact("epoch", p.path("epoch").asText(), "SOURCE_DATE_EPOCH"));
    }
    return out;
  }
}
