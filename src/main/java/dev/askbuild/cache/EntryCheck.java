package dev.askbuild.cache;

import dev.askbuild.core.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What a stage does with a published entry before it trusts a hit, the same for kernel trees and
 * sysroots: an entry with a manifest is checked against it ({@link EntryManifest#verify}); one
 * published before manifests existed is adopted (a manifest recorded now, the entry trusted as it
 * is); a changed one is moved aside and deleted, so the stage builds it again.
 *
 * @param adopted the entry had no manifest and was given one
 * @param problems what differs from the manifest (at most ten); empty for an intact entry
 */
public record EntryCheck(boolean adopted, List<String> problems) {
  public EntryCheck {
    problems = List.copyOf(problems);
  }

  public static EntryCheck of(Path entry) throws IOException {
    if (!EntryManifest.exists(entry)) {
      EntryManifest.write(entry);
      return new EntryCheck(true, List.of());
    }
    return new EntryCheck(false, EntryManifest.verify(entry, false));
  }

  public boolean intact() {
    return problems.isEmpty();
  }

  /** "its files match its manifest", or that it was adopted: the end of a hit's line. */
  public String describe() {
    return adopted ? "it predates entry manifests, so one was recorded now" : "its files match its manifest";
  }

  /**
   * Takes a changed entry out of the cache by one rename beside it (a run that has it open keeps
   * reading its files) and deletes it; nothing to do when another run moved it first.
   */
  public static void discard(Path entry) throws IOException {
    Path aside = FileTrees.stagingSibling(entry);
    try {
      Files.move(entry, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      return;
    }
    FileTrees.deleteQuietly(aside);
  }
}
