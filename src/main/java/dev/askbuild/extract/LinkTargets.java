package dev.askbuild.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a symbolic link's target the way the kernel would, component by component, following
 * links already on disk, to tell whether it stays inside the extraction root. A purely lexical
 * check is not enough: a link to {@code s/..} escapes when {@code s} is itself a link to the root.
 */
final class LinkTargets {
  private static final int MAX_LINK_HOPS = 40;

  private LinkTargets() {}

  /**
   * True when {@code target}, read as the content of a link at {@code link} (both under {@code
   * root}), never leaves {@code root}. Parts that do not exist yet are taken literally.
   */
  static boolean staysInside(Path root, Path link, String target) throws IOException {
    if (target.startsWith("/")) {
      return false;
    }
    Deque<String> pending = new ArrayDeque<>(split(target));
    List<String> position = new ArrayList<>(split(root.relativize(link.getParent()).toString()));
    int hops = 0;
    while (!pending.isEmpty()) {
      String part = pending.pollFirst();
      if (part.equals("..")) {
        if (position.isEmpty()) {
          return false;
        }
        position.remove(position.size() - 1);
        continue;
      }
      Path here = root.resolve(String.join("/", position)).resolve(part);
      if (Files.isSymbolicLink(here)) {
        if (++hops > MAX_LINK_HOPS) {
          return false;
        }
        String next = Files.readSymbolicLink(here).toString();
        if (next.startsWith("/")) {
          return false;
        }
        List<String> expanded = split(next);
        for (int i = expanded.size() - 1; i >= 0; i--) {
          pending.addFirst(expanded.get(i));
        }
        continue;
      }
      position.add(part);
    }
    return true;
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (!p.isEmpty() && !p.equals(".")) {
        parts.add(p);
      }
    }
    return parts;
  }
}
