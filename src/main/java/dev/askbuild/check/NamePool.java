package dev.askbuild.check;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each name read from ELF string tables, for one scanning thread. Names repeat from
 * module to module (every module's undefined symbols and {@code __versions} entries name the
 * kernel's exports, every module has a {@code .text} and a {@code .rela.text}), and the parsed
 * modules are all held until the last file is scanned: one copy each keeps that live heap, which
 * every young collection copies, to a fraction (of Debian's 3,685 arm64 modules' 590,000 names,
 * one in ten is distinct). Not shared between threads.
 */
final class NamePool {
  /** Keeps every name as read: for a single file, where nothing repeats enough to pay. */
  static final NamePool NONE = new NamePool(null);

  private final Map<String, String> names;

  private NamePool(Map<String, String> names) {
    this.names = names;
  }

  static NamePool create() {
    return new NamePool(new HashMap<>());
  }

  /** {@code name}, or the equal name this pool returned before. */
  String of(String name) {
    if (names == null) {
      return name;
    }
    String earlier = names.putIfAbsent(name, name);
    return earlier != null ? earlier : name;
  }
}
