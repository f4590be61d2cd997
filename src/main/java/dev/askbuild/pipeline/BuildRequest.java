package dev.askbuild.pipeline;

import dev.askbuild.board.BoardProfile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * One pipeline run. {@code packages} empty means the board makes its own inputs (the demo board);
 * results land under {@code out}: {@code dist/}, {@code reports/}, {@code logs/},
 * {@code manifest.json}.
 */
public record BuildRequest(
    BoardProfile board,
    Optional<Path> packages,
    Path out,
    Set<Stage> stages,
    long epoch,
    Path cache,
    Optional<Path> signature,
    Optional<Path> keyring) {
  public BuildRequest {
    stages = Set.copyOf(stages);
  }
}
