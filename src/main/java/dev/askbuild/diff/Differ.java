package dev.askbuild.diff;

import dev.askbuild.check.ArtifactAbi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two builds' records. An artifact whose bytes are the same on both sides (same SHA-256)
 * has the same interface and is not looked into: on a nightly, that is nearly every file.
 */
public final class Differ {
  /** Breaking changes first, then by artifact, aspect and subject. */
  static final Comparator<Change> ORDER = Comparator.comparing((Change c) -> !c.breaking())
      .thenComparing(Change::artifact).thenComparing(Change::aspect).thenComparing(Change::subject);

  private Differ() {}

  /** Reads both locations ({@link SnapshotReader}) and compares them; bad input is exit 2 naming the path. */
  public static AbiDiff diff(Path baseline, Path current) {
    return compare(SnapshotReader.read(baseline), SnapshotReader.read(current));
  }

  /** Exit 2 now, naming the path, unless {@code location} holds a build's record: before a long build. */
  public static void requireRecord(Path location) {
    SnapshotReader.recordDir(location);
  }

  static AbiDiff compare(Snapshot old, Snapshot now) {
    List<InputChange> inputs = inputs(old, now);
    Set<String> moved = new TreeSet<>();
    inputs.forEach(i -> moved.add(i.name()));
    boolean abi = old.abiKnown() && now.abiKnown();
    List<Change> changes = new ArrayList<>();
    Set<String> paths = new TreeSet<>(old.artifacts().keySet());
    paths.addAll(now.artifacts().keySet());
    for (String path : paths) {
      ArtifactFacts a = old.artifacts().get(path);
      ArtifactFacts b = now.artifacts().get(path);
      List<Change> found = new ArrayList<>();
      if (b == null) {
        boolean offered = a.abi() != null && (!a.abi().exports().isEmpty() || !a.abi().soname().isEmpty());
        found.add(new Change(path, module(a), "file removed", "", a.kind(), "", offered, List.of()));
      } else if (a == null) {
        found.add(new Change(path, module(b), "file added", "", "", b.kind(), false, List.of()));
      } else if (!a.sha256().equals(b.sha256())) {
        artifact(a, b, abi, found);
      }
      List<String> causes = causes(path, old, now, moved);
      for (Change c : found) {
        changes.add(causes.isEmpty() ? c : c.withCauses(causes));
      }
    }
    changes.sort(ORDER);
    return new AbiDiff(old.source(), now.source(), old.kernelRelease(), now.kernelRelease(), old.artifacts().size(),
        now.artifacts().size(), abi, inputs, changes);
  }

  /** The moved inputs the provenance says the artifact is built from (all moved ones where it says nothing). */
  private static List<String> causes(String path, Snapshot old, Snapshot now, Set<String> moved) {
    List<String> mapped = now.artifactInputs().getOrDefault(path, old.artifactInputs().get(path));
    if (mapped == null) {
      return List.copyOf(moved);
    }
    Set<String> from = new HashSet<>(mapped);
    // The toolchain and the epoch go into every artifact.
    return moved.stream().filter(m -> from.contains(m) || m.startsWith("toolchain ") || m.equals("epoch")).toList();
  }

  private static List<InputChange> inputs(Snapshot old, Snapshot now) {
    List<InputChange> out = new ArrayList<>();
    Set<String> names = new TreeSet<>(old.inputs().keySet());
    names.addAll(now.inputs().keySet());
    for (String name : names) {
      InputFact a = old.inputs().get(name);
      InputFact b = now.inputs().get(name);
      String before = a == null ? "" : a.value();
      String after = b == null ? "" : b.value();
      if (!before.equals(after)) {
        out.add(new InputChange(name, before, after, b != null ? b.origin() : a.origin()));
      }
    }
    return out;
  }

  private static String module(ArtifactFacts f) {
    return f.abi() == null ? "" : f.abi().module();
  }

  private static void artifact(ArtifactFacts a, ArtifactFacts b, boolean abi, List<Change> out) {
    String path = a.path();
    String module = module(b).isEmpty() ? module(a) : module(b);
    if (!a.kind().equals(b.kind())) {
      out.add(new Change(path, module, "kind", "", a.kind(), b.kind(), false, List.of()));
    }
    if (abi && a.abi() != null && b.abi() != null) {
      ArtifactAbi x = a.abi();
      ArtifactAbi y = b.abi();
      if (x.isModule() || y.isModule()) {
        module(path, module, x, y, out);
      } else {
        userspace(path, x, y, out);
      }
      sections(path, module, x, y, out);
    }
    if (a.size() != b.size()) {
      out.add(new Change(path, module, "size", "", bytes(a.size()), bytes(b.size()) + " (" + percent(a.size(), b.size()) + ")",
          false, List.of()));
    }
    if (out.isEmpty()) {
      out.add(new Change(path, module, "content", "sha256", shortSha(a.sha256()), shortSha(b.sha256()), false, List.of()));
    }
  }

  private static void module(String path, String module, ArtifactAbi x, ArtifactAbi y, List<Change> out) {
    Map<String, ArtifactAbi.AbiSymbol> before = byName(x.exports());
    Map<String, ArtifactAbi.AbiSymbol> after = byName(y.exports());
    for (ArtifactAbi.AbiSymbol s : before.values()) {
      ArtifactAbi.AbiSymbol t = after.get(s.name());
      if (t == null) {
        out.add(new Change(path, module, "export removed", s.name(), s.crcHex(), "", true, List.of()));
      } else {
        if (s.crc() != t.crc()) {
          out.add(new Change(path, module, "export CRC changed", s.name(), s.crcHex(), t.crcHex(), true, List.of()));
        }
        if (s.gplOnly() != t.gplOnly()) {
          out.add(new Change(path, module, "export license class", s.name(), gpl(s), gpl(t), !s.gplOnly(), List.of()));
        }
      }
    }
    for (ArtifactAbi.AbiSymbol t : after.values()) {
      if (!before.containsKey(t.name())) {
        out.add(new Change(path, module, "export added", t.name(), "", t.crcHex(), false, List.of()));
      }
    }
    Map<String, ArtifactAbi.AbiSymbol> used = byName(x.imports());
    Map<String, ArtifactAbi.AbiSymbol> uses = byName(y.imports());
    for (ArtifactAbi.AbiSymbol s : used.values()) {
      ArtifactAbi.AbiSymbol t = uses.get(s.name());
      if (t == null) {
        out.add(new Change(path, module, "import removed", s.name(), s.crcHex(), "", false, List.of()));
      } else if (s.crc() != t.crc()) {
        out.add(new Change(path, module, "import CRC changed", s.name(), s.crcHex(), t.crcHex(), true, List.of()));
      }
    }
    for (ArtifactAbi.AbiSymbol t : uses.values()) {
      if (!used.containsKey(t.name())) {
        out.add(new Change(path, module, "import added", t.name(), "", t.crcHex(), false, List.of()));
      }
    }
    field(path, module, "vermagic", x.vermagic(), y.vermagic(), out);
    field(path, module, "license", x.license(), y.license(), out);
    field(path, module, "depends", String.join(",", x.depends()), String.join(",", y.depends()), out);
    field(path, module, "module name", x.module(), y.module(), out);
  }

  private static void userspace(String path, ArtifactAbi x, ArtifactAbi y, List<Change> out) {
    if (!x.soname().equals(y.soname())) {
      out.add(new Change(path, "", "SONAME changed", "", x.soname(), y.soname(), true, List.of()));
    }
    field(path, "", "NEEDED", String.join(" ", x.needed()), String.join(" ", y.needed()), out);
    field(path, "", "interpreter", x.interpreter(), y.interpreter(), out);
    field(path, "", "RPATH", x.rpath(), y.rpath(), out);
    field(path, "", "RUNPATH", x.runpath(), y.runpath(), out);
    Set<String> before = names(x.exports());
    Set<String> after = names(y.exports());
    for (String s : before) {
      if (!after.contains(s)) {
        out.add(new Change(path, "", "dynamic export removed", s, "", "", true, List.of()));
      }
    }
    for (String s : after) {
      if (!before.contains(s)) {
        out.add(new Change(path, "", "dynamic export added", s, "", "", false, List.of()));
      }
    }
  }

  private static void sections(String path, String module, ArtifactAbi x, ArtifactAbi y, List<Change> out) {
    Set<String> names = new TreeSet<>(x.sections().keySet());
    names.addAll(y.sections().keySet());
    for (String name : names) {
      Long a = x.sections().get(name);
      Long b = y.sections().get(name);
      if (!Objects.equals(a, b)) {
        out.add(new Change(path, module, "section size", name, a == null ? "" : bytes(a),
            b == null ? "" : bytes(b) + (a == null ? "" : " (" + percent(a, b) + ")"), false, List.of()));
      }
    }
  }

  private static void field(String path, String module, String aspect, String a, String b, List<Change> out) {
    if (!a.equals(b)) {
      out.add(new Change(path, module, aspect, "", a, b, false, List.of()));
    }
  }

  private static Map<String, ArtifactAbi.AbiSymbol> byName(List<ArtifactAbi.AbiSymbol> symbols) {
    Map<String, ArtifactAbi.AbiSymbol> out = new LinkedHashMap<>();
    symbols.forEach(s -> out.putIfAbsent(s.name(), s));
    return out;
  }

  private static Set<String> names(List<ArtifactAbi.AbiSymbol> symbols) {
    Set<String> out = new TreeSet<>();
    symbols.forEach(s -> out.add(s.name()));
    return out;
  }

  private static String gpl(ArtifactAbi.AbiSymbol s) {
    return s.gplOnly() ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL";
  }

  static String bytes(long n) {
    return n + " B";
  }

  static String percent(long before, long after) {
    if (before == 0) {
      return "new";
    }
    return String.format(Locale.ROOT, "%+.1f%%", (after - before) * 100.0 / before);
  }

  private static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
