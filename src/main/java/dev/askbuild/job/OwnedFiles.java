package dev.askbuild.job;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files askbuild wrote into the directories of the output it replaces on each run ({@code
 * dist/}, {@code reports/}), listed in {@code state/written-files.txt}: a directory is replaced only
 * when it holds nothing else, so a {@code dist/precious.txt} the user put there is named (exit 2),
 * never deleted without a word.
 */
final class OwnedFiles {
  static final String RECORD = "written-files.txt";

  private final Workspace workspace;

  OwnedFiles(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Refuses, naming one, when {@code dir} holds a file askbuild did not write: before any work. */
  void requireOwned(Path dir) throws IOException {
    SortedSet<String> owned = read();
    Optional<String> stranger = files(dir).stream().filter(f -> !owned.contains(f)).findFirst();
    if (stranger.isPresent()) {
      throw AskBuildException.badInput("--out " + workspace.out() + ": " + workspace.out().resolve(stranger.get())
          + " was not written by askbuild, which replaces " + dir.getFileName() + "/ on each run; move it away or"
          + " give another --out");
    }
  }

  /** Removes {@code dir} when every file in it is askbuild's; else refuses, naming one that is not. */
  void clear(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    requireOwned(dir);
    SortedSet<String> owned = read();
    FileTrees.deleteRecursively(dir);
    String prefix = workspace.out().relativize(dir) + "/";
    owned.removeIf(f -> f.startsWith(prefix));
    write(owned);
  }

  /** Records every file now in {@code dir} as askbuild's. */
  void record(Path dir) throws IOException {
    SortedSet<String> owned = read();
    owned.addAll(files(dir));
    write(owned);
  }

  private List<String> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? List.of(workspace.out().relativize(dir).toString())
          : List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> workspace.out().relativize(p).toString()).sorted().toList();
    }
  }

  private Path file() {
    return workspace.state().resolve(RECORD);
  }

  private SortedSet<String> read() throws IOException {
    SortedSet<String> owned = new TreeSet<>();
    if (Files.isRegularFile(file())) {
      Files.readAllLines(file(), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(owned::add);
    }
    return owned;
  }

  private void write(SortedSet<String> owned) throws IOException {
    Files.createDirectories(workspace.state());
    Path tmp = workspace.state().resolve("." + RECORD + ".tmp");
    Files.write(tmp, owned, StandardCharsets.UTF_8);
    Files.move(tmp, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
