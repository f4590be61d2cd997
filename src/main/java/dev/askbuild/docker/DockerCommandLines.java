package dev.askbuild.docker;

import dev.askbuild.core.Command;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The docker command lines of one build: data only, so that {@code --print}, the Jenkins layer and
 * the tests see exactly what is run.
 */
public final class DockerCommandLines {
  /** Everything the build stages produce is for this platform; the stages themselves run on the build's. */
  public static final String TARGET_PLATFORM = "linux/arm64";

  private DockerCommandLines() {}

  /**
   * The commands for {@code request}: the artifacts build exporting into {@code export}, then, when
   * an image tag is asked for, the runtime image (a cache hit for every stage the first one ran).
   *
   * @param context the staged context (see {@link DockerContext})
   * @param secrets the secret sources in slot order (links that hide the private files' names)
   */
  public static List<Command> of(DockerRequest request, DockerFlavor flavor, Path context, List<Path> secrets,
      Path export) {
    List<Command> commands = new ArrayList<>();
    List<String> artifacts = common(request, flavor, context, secrets, "artifacts");
    artifacts.add("--output");
    artifacts.add("type=local,dest=" + export);
    artifacts.add(context.toString());
    commands.add(command(flavor, artifacts, context));
    if (request.imageTag().isPresent()) {
      List<String> runtime = common(request, flavor, context, secrets, "runtime");
      runtime.add("--tag");
      runtime.add(request.imageTag().get());
      if (flavor == DockerFlavor.BUILDX) {
        // buildx leaves the result in its cache unless told to load it; the classic builder always loads.
        runtime.add("--load");
      }
      runtime.add(context.toString());
      commands.add(command(flavor, runtime, context));
    }
    return commands;
  }

  private static List<String> common(DockerRequest request, DockerFlavor flavor, Path context, List<Path> secrets,
      String target) {
    List<String> argv = new ArrayList<>();
    argv.add(request.docker());
    if (flavor == DockerFlavor.BUILDX) {
      argv.add("buildx");
    }
    argv.add("build");
    // Plain progress: one line per event, which the log parser reads for stage results.
    argv.add("--progress=plain");
    argv.add("--platform");
    argv.add(TARGET_PLATFORM);
    argv.add("--file");
    argv.add(context.resolve(DockerContext.DOCKERFILE).toString());
    argv.add("--target");
    argv.add(target);
    request.network().ifPresent(n -> {
      argv.add("--network");
      argv.add(n);
    });
    request.baseImage().ifPresent(image -> buildArg(argv, "BASE_IMAGE", image));
    buildArg(argv, "BOARD", request.board());
    if (!request.components().isEmpty()) {
      // Only when a selection is asked for: a build of every component keeps its command line and cache keys.
      buildArg(argv, "COMPONENTS", String.join(",", request.components()));
    }
    // Only when asked for, as COMPONENTS: a glibc build keeps its command line and cache keys.
    request.libc().ifPresent(libc -> buildArg(argv, "LIBC", libc.label()));
    buildArg(argv, "DEV_PACKAGES", String.join(" ", request.devPackages()));
    buildArg(argv, "PRIVATE_NAMES", request.privates().stream().map(PrivateInput::name)
        .collect(Collectors.joining(" ")));
    for (int i = 0; i < secrets.size(); i++) {
      argv.add("--secret");
      argv.add("id=private" + (i + 1) + ",src=" + secrets.get(i));
    }
    return argv;
  }

  private static void buildArg(List<String> argv, String name, String value) {
    argv.add("--build-arg");
    argv.add(name + "=" + value);
  }

  private static Command command(DockerFlavor flavor, List<String> argv, Path context) {
    Map<String, String> env = flavor == DockerFlavor.CLASSIC ? Map.of("DOCKER_BUILDKIT", "1") : Map.of();
    return new Command(argv, context, env);
  }

  /** A command as a user would type it, the environment it needs in front. */
  public static String display(Command command) {
    StringBuilder sb = new StringBuilder();
    command.env().forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
    return sb.append(command.display()).toString();
  }
}
