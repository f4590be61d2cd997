package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Tarball;
import dev.askbuild.board.TarballRole;
import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a board's tarballs are read from for one run: the packages directory (given, or generated
 * into the cache for a board whose inputs ask-build makes), and any tarball read from another path
 * (private tarballs, {@code --kernel-tar}), by name.
 *
 * @param tarballs every tarball the board reads, with a {@code --kernel-tar} override applied
 */
public record BoardInputs(BoardProfile board, Path packages, List<Tarball> tarballs, Map<String, Path> elsewhere) {
  public BoardInputs {
    tarballs = List.copyOf(tarballs);
    elsewhere = Map.copyOf(elsewhere);
  }

  static BoardInputs resolve(BoardProfile board, JobRequest request) throws IOException {
    Map<String, Path> elsewhere = new TreeMap<>();
    Path packages;
    if (request.packages().isPresent()) {
      packages = request.packages().get();
      if (!Files.isDirectory(packages)) {
        throw AskBuildException.badInput("--packages " + packages + (Files.exists(packages)
          ? " is not a directory" : " does not exist"));
      }
    } else if (board.generatedInputs()) {
      DemoInputs.Generated generated = DemoInputs.prepare(request.cache());
      packages = generated.packages();
      elsewhere.putAll(generated.elsewhere());
    } else {
      throw AskBuildException.badInput("board " + board.name() + " needs --packages DIR holding "
          + String.join(", ", board.tarballs().stream().map(Tarball::name).toList()) + " and their SHA256SUMS");
    }
    List<Tarball> tarballs = new ArrayList<>();
    for (Tarball t : board.tarballs()) {
      if (t.role() == TarballRole.KERNEL && request.kernelTar().isPresent()) {
        Path file = request.kernelTar().get();
        String name = file.getFileName().toString();
        tarballs.add(new Tarball(TarballRole.KERNEL, t.owner(), name));
        elsewhere.put(name, file);
      } else {
        tarballs.add(t);
      }
    }
    List<String> names = tarballs.stream().map(Tarball::name).toList();
    for (var e : request.privateFiles().entrySet()) {
      if (!names.contains(e.getKey())) {
        throw AskBuildException.badInput("--private " + e.getKey() + ": board " + board.name()
            + " reads no tarball of that name; its tarballs: " + String.join(", ", names));
      }
      elsewhere.put(e.getKey(), e.getValue().toAbsolutePath().normalize());
    }
    return new BoardInputs(board, packages, tarballs, elsewhere);
  }

  /** The file name of the tarball with that owner ({@code kernel}, {@code ask} or a library). */
  public String name(String owner) {
    return tarballs.stream().filter(t -> t.owner().equals(owner)).findFirst().map(Tarball::name)
        .orElseThrow(() -> new IllegalArgumentException("board " + board.name() + " has no tarball for " + owner));
  }

  /** Where a tarball's bytes are read from. */
  public Path path(String name) {
    return elsewhere.getOrDefault(name, packages.resolve(name));
  }

  /** Every tarball the run reads that is not there, all listed at once with what each is for (exit 1). */
  void requirePresent(Selection selection) {
    List<String> missing = new ArrayList<>();
    for (Tarball t : tarballs) {
      if (selection.reads(t) && !Files.isRegularFile(path(t.name()))) {
        missing.add(t.name() + ": " + selection.purpose(t) + " (looked for " + path(t.name()) + ")");
      }
    }
    if (!missing.isEmpty()) {
      // Exit 1 as plain `verify --packages` gives a listed file that is missing: one answer in both modes.
      throw AskBuildException.checkFailed("board " + board.name() + " is missing " + missing.size() + " input tarball(s)"
          + " for the " + selection.target().label() + " target (components " + selection.label() + "):\n  "
          + String.join("\n  ", missing));
    }
  }
}
