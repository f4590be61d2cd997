package dev.askbuild.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Looks a target-system path up inside a root directory (a sysroot or dist) the way the target would:
 * absolute links restart at the root, {@code ..} stops at it, and link loops end after 40 hops.
 */
final class RootedPath {
  private static final int MAX_LINKS = 40;

  private RootedPath() {}

  /** The regular file {@code targetPath} names under {@code root}, if there is one. */
  static Optional<Path> resolve(Path root, String targetPath) {
    Deque<String> todo = new ArrayDeque<>();
    push(todo, targetPath);
    Deque<String> done = new ArrayDeque<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        done.pollLast();
        continue;
      }
      done.addLast(part);
      Path current = join(root, done);
      if (Files.isSymbolicLink(current)) {
        if (++links > MAX_LINKS) {
          return Optional.empty();
        }
        String link;
        try {
          link = Files.readSymbolicLink(current).toString();
        } catch (IOException e) {
          return Optional.empty();
        }
        done.pollLast();
        if (link.startsWith("/")) {
          done.clear();
        }
        push(todo, link);
      } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
    }
    Path result = join(root, done);
    return Files.isRegularFile(result, LinkOption.NOFOLLOW_LINKS) ? Optional.of(result) : Optional.empty();
  }

  private static void push(Deque<String> todo, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      todo.push(parts[i]);
    }
  }

  private static Path join(Path root, Deque<String> parts) {
    Path p = root;
    for (String part : parts) {
      p = p.resolve(part);
    }
    return p;
  }
}
