package dev.askbuild.extract;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One extraction: the archive, the directory to create (it must not exist yet), how many leading
 * path components to drop, whether to leave out {@code .git}, an optional fixed mtime, and limits.
 */
public record ExtractRequest(
    Path archive,
    Path into,
    int stripComponents,
    boolean dropVcs,
    OptionalLong epoch,
    ExtractLimits limits) {
  public ExtractRequest {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(into, "into");
    Objects.requireNonNull(limits, "limits");
    if (stripComponents < 0) {
      throw AskBuildException.badInput("--strip-components must be 0 or more, got " + stripComponents);
    }
    if (epoch.isPresent()) {
      dev.askbuild.core.SourceDateEpoch.check(epoch.getAsLong(), "--epoch");
    }
  }

  public static ExtractRequest of(Path archive, Path into) {
    return new ExtractRequest(archive, into, 0, false, OptionalLong.empty(), ExtractLimits.DEFAULTS);
  }

  public ExtractRequest withStripComponents(int n) {
    return new ExtractRequest(archive, into, n, dropVcs, epoch, limits);
  }

  public ExtractRequest withDropVcs(boolean drop) {
    return new ExtractRequest(archive, into, stripComponents, drop, epoch, limits);
  }

  public ExtractRequest withEpoch(long seconds) {
    return new ExtractRequest(archive, into, stripComponents, dropVcs, OptionalLong.of(seconds), limits);
  }

  public ExtractRequest withLimits(ExtractLimits newLimits) {
    return new ExtractRequest(archive, into, stripComponents, dropVcs, epoch, newLimits);
  }
}
