package dev.askbuild.check;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What to check: the dist tree, the prepared kernel (for modules), the sysroot and the target. */
public record CheckRequest(Path dist, Optional<Path> kernel, Path sysroot, CheckTarget target) {
  public CheckRequest {
    Objects.requireNonNull(dist, "dist");
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(sysroot, "sysroot");
    Objects.requireNonNull(target, "target");
  }
}
