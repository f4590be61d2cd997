package dev.askbuild.compile;

import java.nio.file.Path;
import java.util.Map;

/**
 * Inputs of the compile stage. {@code vendored} maps the plan's names to tarballs that the verify
 * stage has already proven genuine.
 */
public record CompileRequest(
    Path askTarball,
    Map<String, Path> vendored,
    Path kernelDir,
    Path sysroot,
    Path work,
    String arch,
    String crossCompile,
    String triple,
    String platform,
    long epoch,
    CompilePlan plan,
    Target target) {
  public CompileRequest {
    vendored = Map.copyOf(vendored);
  }
}
