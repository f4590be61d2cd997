package dev.askbuild.check;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each name that repeats from module to module, for one scanning thread: section names
 * (every module has a {@code .text} and a {@code .rela.text}), and the names of the symbols a
 * module imports and their {@code __versions} entries (the kernel's exports, named in module after
 * module). The parsed modules are all held until the last file is scanned, and one copy each keeps
 * that live heap, which every young collection copies, smaller: Debian's 3,685 arm64 modules have
 * 145,000 section names and 166,000 version entries, and the pool ends with 18,400 names. A
 * module's own symbols and its .modinfo lines are mostly its own and not kept here: looking each up
 * in a table of 150,000 names cost more than the copies saved. Not shared between threads.
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
