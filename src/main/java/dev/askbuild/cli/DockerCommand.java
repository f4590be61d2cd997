package dev.askbuild.cli;

import dev.askbuild.board.BoardProfile;
import dev.askbuild.board.Boards;
import dev.askbuild.compile.CompilePlan;
import dev.askbuild.compile.CompilePlans;
import dev.askbuild.compile.Target;
import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.ProcessRunner;
import dev.askbuild.docker.DockerBuild;
import dev.askbuild.docker.DockerCommandLines;
import dev.askbuild.docker.DockerProbe;
import dev.askbuild.docker.DockerRequest;
import dev.askbuild.docker.DockerResult;
import dev.askbuild.docker.PrivateInput;
import dev.askbuild.docker.DockerStageRun;
import dev.askbuild.docker.PackagesDir;
import dev.askbuild.job.DemoInputs;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@picocli.CommandLine.Command(
    name = "docker",
    mixinStandardHelpOptions = true,
    description = {
      "Run the build in Docker (BuildKit): the same engine stages as `askbuild build`, one build stage each,"
          + " every one on the build platform (cross-compiling, never emulated); dist/, reports/ and"
          + " manifest.json are exported into DIR, the build log goes to DIR/logs/docker.log.",
      "Uses `docker buildx build` when the plugin is installed, else `DOCKER_BUILDKIT=1 docker build` with"
          + " the same flags. Private tarballs go in as BuildKit secrets (--secret), never as build arguments"
          + " or layers. No daemon reachable is exit 3 (set DOCKER_HOST)."
    })
final class DockerCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--board", required = true, paramLabel = "B", description = "Board profile (see `askbuild boards`).")
  String board;

  @Option(names = "--packages", paramLabel = "DIR",
      description = "Vendored tarballs and SHA256SUMS (for the demo board made into DIR/packages when not given).")
  Path packages;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--components", paramLabel = "LIST", split = ",",
      description = "Build only these components (and what they are built against), e.g. libfci,cmm (default: all);"
          + " every stage gets them, as `askbuild build --components` gives them.")
  List<String> components = List.of();

  @Option(names = "--secret", paramLabel = "NAME=FILE",
      description = "A private tarball: the one SHA256SUMS calls NAME is read from FILE, mounted as a BuildKit"
          + " secret (repeatable, up to 4).")
  List<String> secrets = new ArrayList<>();

  @Option(names = "--base-image", paramLabel = "REF",
      description = "Base image of the builder instead of the Dockerfile's digest-pinned debian:bookworm-slim.")
  String baseImage;

  @Option(names = "--image", paramLabel = "TAG", description = "Also build the runtime image (/opt/ask) and load it as TAG.")
  String image;

  @Option(names = "--network", paramLabel = "MODE",
      description = "Network of the RUN steps (host where the daemon has no bridge; apt-get needs one).")
  String network;

  @Option(names = "--docker", paramLabel = "PATH",
      description = "The docker CLI (default: $ASKBUILD_DOCKER or docker on PATH).")
  String docker;

  @Option(names = "--libc", paramLabel = "L", description = "glibc or musl (default: the board's): every stage builds against it; musl adds Debian's musl packages to the builder.")
  String libc;

  @Option(names = "--ccache-seed", paramLabel = "DIR",
      description = "A compiler cache to start the daemon's own from (native mode's CACHE/ccache, e.g."
          + " ~/.cache/askbuild/ccache): sent with the context and copied into the BuildKit cache mount the"
          + " stages compile through, without replacing what it holds, so a fresh daemon's first kernel build"
          + " reuses the host's compiles. Its content is in no stage's cache key.")
  Path ccacheSeed;

  @Option(names = "--print", description = "Print the command lines (context staged) instead of running them.")
  boolean print;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Optional<dev.askbuild.core.Libc> asked = Optional.ofNullable(libc).map(l -> dev.askbuild.core.Libc.parse(l, "--libc"));
    BoardProfile loaded = Boards.load(board);
    BoardProfile profile = asked.map(loaded::withLibc).orElse(loaded);
    // An unknown component is exit 2 now, naming the board's, not in the first build stage.
    CompilePlan plan = CompilePlans.forBoard(profile);
    // A component the libc cannot build is refused here too, before anything is staged.
    plan.requireBuildable(profile.toolchain().libc(), plan.select(Target.DIST, new TreeSet<>(components)), Target.DIST);
    Path inputs = packages;
    if (inputs == null) {
      if (!profile.generatedInputs()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--packages is required for board " + board + " (only a board whose inputs ask-build generates"
                + " makes its own)");
      }
      // The generated inputs, and the kernel tarball the native run reads from /usr/src.
      DemoInputs.Generated demo = DemoInputs.prepare(CacheDirs.resolve(null));
      inputs = PackagesDir.gather(demo.packages(), demo.elsewhere(), out.toAbsolutePath().resolve("packages"));
    }
    List<PrivateInput> privates = secrets.stream().map(PrivateInput::parse).toList();
    List<String> builderPackages = new java.util.ArrayList<>(profile.devPackages());
    if (profile.toolchain().libc() == dev.askbuild.core.Libc.MUSL) {
      builderPackages.addAll(dev.askbuild.core.Libc.MUSL.debianPackages(profile.toolchain()));
    }
    DockerRequest request = new DockerRequest(board, components, inputs, out, privates, builderPackages, classpath(),
        Optional.ofNullable(baseImage), Optional.ofNullable(image), Optional.ofNullable(network), dockerCli(), asked,
        Optional.ofNullable(ccacheSeed));
    ProcessRunner runner = ProcessRunner.inheritingEnvironment();
    DockerBuild build = new DockerBuild(runner, new DockerProbe(runner, System.getenv()));
    if (print) {
      for (Command command : build.print(request).commands()) {
        stdout.println(DockerCommandLines.display(command));
      }
      return 0;
    }
    long start = System.nanoTime();
    DockerResult result = build.run(request);
    for (DockerStageRun stage : result.stages()) {
      err.println(stage.line());
    }
    if (result.exitCode() != 0) {
      throw new AskBuildException(exitCode(result.exitCode()), "docker: " + result.error().orElse("failed")
          + "\n(build log: " + result.log() + ")");
    }
    err.printf("docker %s: %d stages ok in %.1f s; %d artifacts in %s%n", board, result.stages().size(),
        (System.nanoTime() - start) / 1e9, result.artifacts().size(), out.toAbsolutePath().resolve("dist"));
    result.artifacts().forEach((name, sha) -> stdout.println(sha + "  " + name));
    return 0;
  }

  private String dockerCli() {
    if (docker != null) {
      return docker;
    }
    String env = System.getenv("ASKBUILD_DOCKER");
    return env == null || env.isBlank() ? "docker" : env;
  }

  /** The jar(s) this askbuild runs from, which the builder image gets. */
  private static List<Path> classpath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(s -> !s.isEmpty()).map(Path::of).toList();
  }

  private static ExitCode exitCode(int code) {
    return Arrays.stream(ExitCode.values()).filter(c -> c.code() == code).findFirst().orElse(ExitCode.CHECK_FAILED);
  }
}
