package dev.askbuild.docker;

import dev.askbuild.core.AskBuildException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One docker-mode build: the board, its vendored packages and where the results go, as for native
 * mode; the private tarballs; and how to reach Docker.
 *
 * @param components the components every stage builds (with what they are built against), sorted and
 *     each once, so one selection is one build argument and one set of cache keys; empty for all
 * @param devPackages the board's arm64 -dev packages, installed into the builder image
 * @param classpath the askbuild jar(s) copied into the builder (the running jar; tests pass their
 *     class path)
 * @param baseImage the builder's base image instead of the Dockerfile's digest-pinned default
 * @param imageTag when present, the runtime image is also built and loaded under this tag
 * @param network BuildKit's network mode for RUN steps ({@code host} where the daemon has no
 *     bridge), or empty for the daemon's default
 * @param docker the docker CLI to run
 * @param libc {@code musl} when asked for: a build argument every stage passes on as {@code --libc},
 *     so it is in every stage's cache key; empty for the board's own (the command line as before)
 * @param ccacheSeed a compiler cache (a native run's {@code CACHE/ccache}) sent with the context and
 *     copied into the daemon's own compiler cache before the kernel stage, or empty
 */
public record DockerRequest(
    String board,
    List<String> components,
    Path packages,
    Path out,
    List<PrivateInput> privates,
    List<String> devPackages,
    List<Path> classpath,
    Optional<String> baseImage,
    Optional<String> imageTag,
    Optional<String> network,
    String docker,
    Optional<dev.askbuild.core.Libc> libc,
    Optional<Path> ccacheSeed) {
  /** The Dockerfile declares this many secret slots (private1..private4). */
  public static final int SECRET_SLOTS = 4;

  /** A component name as the boards' compile plans spell them; the list travels as a build argument. */
  private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_]+");

  /** A build with the board's own libc. */
  public DockerRequest(String board, List<String> components, Path packages, Path out, List<PrivateInput> privates,
      List<String> devPackages, List<Path> classpath, Optional<String> baseImage, Optional<String> imageTag,
      Optional<String> network, String docker) {
    this(board, components, packages, out, privates, devPackages, classpath, baseImage, imageTag, network, docker,
        Optional.empty());
  }

  /** A build with no compiler cache sent along. */
  public DockerRequest(String board, List<String> components, Path packages, Path out, List<PrivateInput> privates,
      List<String> devPackages, List<Path> classpath, Optional<String> baseImage, Optional<String> imageTag,
      Optional<String> network, String docker, Optional<dev.askbuild.core.Libc> libc) {
    this(board, components, packages, out, privates, devPackages, classpath, baseImage, imageTag, network, docker,
        libc, Optional.empty());
  }

  /** This build with {@code seed} sent along as the daemon's first compiler cache. */
  public DockerRequest withCcacheSeed(Path seed) {
    return new DockerRequest(board, components, packages, out, privates, devPackages, classpath, baseImage, imageTag,
        network, docker, libc, Optional.of(seed));
  }

  public DockerRequest {
    java.util.Objects.requireNonNull(libc, "libc");
    java.util.Objects.requireNonNull(ccacheSeed, "ccacheSeed");
    for (String name : components) {
      if (!COMPONENT.matcher(name).matches()) {
        throw AskBuildException.badInput("--components takes names of letters, digits and _ separated by commas"
            + " without spaces, got '" + name + "'");
      }
    }
    components = List.copyOf(new TreeSet<>(components));
    privates = List.copyOf(privates);
    devPackages = List.copyOf(devPackages);
    classpath = List.copyOf(classpath);
    if (privates.size() > SECRET_SLOTS) {
      throw AskBuildException.badInput("at most " + SECRET_SLOTS + " --secret tarballs (the Dockerfile's secret"
          + " slots private1..private" + SECRET_SLOTS + "); got " + privates.size());
    }
    Set<String> names = new HashSet<>();
    for (PrivateInput p : privates) {
      if (!names.add(p.name())) {
        throw AskBuildException.badInput("--secret " + p.name() + " is given twice");
      }
    }
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("the builder needs the askbuild jar");
    }
  }
}
