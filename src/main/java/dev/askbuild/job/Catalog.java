package dev.askbuild.job;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.compile.CompilePlan;
import dev.askbuild.compile.CompilePlans;
import dev.askbuild.compile.Target;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the engine knows how to build, for front ends to ask instead of keeping copies: the stages
 * in order, the targets, and each board with its components (by the target part they belong to)
 * and whether its inputs are generated. {@code askbuild catalog --json} prints it; a Jenkins step
 * or the Groovy pipeline reads that, or calls {@link #requireComponents} to validate a selection
 * with the engine's own rules and messages.
 *
 * @param stages the stage labels, in the order they run
 * @param targets the target labels
 */
public record Catalog(List<String> stages, List<String> targets, List<BoardEntry> boards) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Catalog {
    stages = List.copyOf(stages);
    targets = List.copyOf(targets);
    boards = List.copyOf(boards);
  }

  /**
   * One board as the catalog lists it.
   *
   * @param generatedInputs ask-build makes the board's inputs itself: no packages directory is needed
   * @param components each component's target part ({@code modules} or {@code userspace}), by name
   * @param needs what each component is built against, by name
   */
  public record BoardEntry(String name, String description, boolean generatedInputs, Map<String, String> components,
      Map<String, List<String>> needs) implements Serializable {
    private static final long serialVersionUID = 1L;

    public BoardEntry {
      components = new TreeMap<>(components);
      needs = new TreeMap<>(needs);
    }
  }

  /** The catalog of the boards shipped in the jar; a broken board fails here naming its file. */
  public static Catalog load() throws java.io.IOException {
    List<BoardEntry> boards = new ArrayList<>();
    for (BoardProfile board : Boards.all()) {
      CompilePlan plan = CompilePlans.forBoard(board);
      Map<String, String> phases = new TreeMap<>();
      Map<String, List<String>> needs = new TreeMap<>();
      plan.components().forEach((name, c) -> {
        phases.put(name, c.phase());
        needs.put(name, c.needs());
      });
      boards.add(new BoardEntry(board.name(), board.description(), board.generatedInputs(), phases, needs));
    }
    return new Catalog(Stage.labels(), Arrays.stream(Target.values()).map(Target::label).toList(), boards);
  }

  /** The board names, in the order of {@code boards.list}. */
  public List<String> boardNames() {
    return boards.stream().map(BoardEntry::name).toList();
  }

  /**
   * The components a build of {@code target} on {@code board} makes for {@code requested} (empty:
   * all of the target's), with what they are built against; an unknown board, target or component,
   * or one the target cannot build, is exit 2 with the engine's message.
   */
  public static SortedSet<String> requireComponents(String board, String target, Set<String> requested)
      throws java.io.IOException {
    BoardProfile profile = Boards.load(board);
    return new TreeSet<>(CompilePlans.forBoard(profile).select(Target.parse(target), requested));
  }
}
