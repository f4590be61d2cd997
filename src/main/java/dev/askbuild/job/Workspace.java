package dev.askbuild.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output directory of a board run, the same for every front end: {@code dist/} (the artifacts),
 * {@code reports/} (checks.json, checks.xml, report.html, SHA256SUMS, provenance.json), {@code
 * logs/} (one log per stage), {@code state/} (each stage's result, read by the next stage's
 * command), {@code work/} (sources and builds of this run) and {@code manifest.json}.
 */
public record Workspace(Path out) {
  public Path dist() {
    return out.resolve("dist");
  }

  public Path reports() {
    return out.resolve("reports");
  }

  public Path logs() {
    return out.resolve("logs");
  }

  public Path state() {
    return out.resolve("state");
  }

  public Path work() {
    return out.resolve("work");
  }

  public Path manifest() {
    return out.resolve("manifest.json");
  }

  public Path log(Stage stage) {
    return logs().resolve(stage.label() + ".log");
  }

  /** Where a stage's commands keep their logs; gathered into {@link #log(Stage)}. */
  public Path stageWork(Stage stage) {
    return work().resolve(stage.label());
  }

  /** Creates a directory of the workspace when a stage first writes to it, never before. */
  public static Path ensure(Path dir) throws IOException {
    return Files.createDirectories(dir);
  }
}
