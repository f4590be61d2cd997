package dev.askbuild.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCommandLinesTest {
  @TempDir Path tmp;

  private DockerRequest request(List<PrivateInput> privates, Optional<String> image) {
    return request(List.of(), privates, image);
  }

  private DockerRequest request(List<String> components, List<PrivateInput> privates, Optional<String> image) {
    return new DockerRequest("demo", components, tmp, tmp.resolve("out"), privates, List.of("libcli-dev:arm64", "libtclap-dev"),
        List.of(tmp.resolve("askbuild.jar")), Optional.of("local/debian:bookworm-minbase"), image,
        Optional.of("host"), "docker");
  }

  @Test
  void classicBuilderGetsBuildkitSwitchedOnAndExactlyTheFlagsBuildxGets() {
    DockerRequest r = request(List.of(), Optional.empty());
    Command buildx = DockerCommandLines.of(r, DockerFlavor.BUILDX, tmp.resolve("ctx"), List.of(), tmp.resolve("x")).get(0);
    Command classic = DockerCommandLines.of(r, DockerFlavor.CLASSIC, tmp.resolve("ctx"), List.of(), tmp.resolve("x")).get(0);

    assertThat(buildx.argv().subList(0, 3)).containsExactly("docker", "buildx", "build");
    assertThat(buildx.env()).isEmpty();
    assertThat(classic.argv().subList(0, 2)).containsExactly("docker", "build");
    assertThat(classic.env()).containsEntry("DOCKER_BUILDKIT", "1");
    List<String> withoutBuildx = new ArrayList<>(buildx.argv());
    withoutBuildx.remove("buildx");
    assertThat(classic.argv()).isEqualTo(withoutBuildx);
    assertThat(DockerCommandLines.display(classic)).startsWith("DOCKER_BUILDKIT=1 docker build --progress=plain ");
  }

  @Test
  void artifactsAreBuiltForArm64AndExportedLocallyFromTheStagedContext() {
    Path ctx = tmp.resolve("ctx");
    Command c = DockerCommandLines.of(request(List.of(), Optional.empty()), DockerFlavor.BUILDX, ctx, List.of(),
        tmp.resolve("export")).get(0);

    assertThat(String.join(" ", c.argv())).contains(
        "--platform linux/arm64", "--file " + ctx.resolve("Dockerfile"), "--target artifacts", "--network host",
        "--build-arg BASE_IMAGE=local/debian:bookworm-minbase", "--build-arg BOARD=demo",
        "--build-arg DEV_PACKAGES=libcli-dev:arm64 libtclap-dev", "--build-arg PRIVATE_NAMES=",
        "--output type=local,dest=" + tmp.resolve("export"));
    assertThat(c.argv().get(c.argv().size() - 1)).isEqualTo(ctx.toString());
    assertThat(c.argv()).noneMatch(a -> a.startsWith("--secret"));
    // A build of every component: no selection argument, so its command line and cache keys stay as they were.
    assertThat(c.argv()).noneMatch(a -> a.startsWith("COMPONENTS"));
  }

  @Test
  void aSelectionIsOneBuildArgumentSortedForEveryStageAndTheRuntimeImage() {
    DockerRequest r = request(List.of("hello", "alpha", "hello"), List.of(), Optional.of("askbuild/demo:sel"));
    assertThat(r.components()).containsExactly("alpha", "hello");
    List<Command> commands = DockerCommandLines.of(r, DockerFlavor.BUILDX, tmp.resolve("ctx"), List.of(), tmp.resolve("x"));
    assertThat(commands).hasSize(2).allSatisfy(c -> assertThat(String.join(" ", c.argv()))
        .contains("--build-arg BOARD=demo --build-arg COMPONENTS=alpha,hello "));
  }

  @Test
  void aComponentNameThatIsNotOneIsExitTwo() {
    for (String bad : List.of("", " fci", "cdx fci", "a-b", "x;id", "$(id)")) {
      assertThatThrownBy(() -> request(List.of("cdx", bad), List.of(), Optional.empty())).as(bad)
          .isInstanceOfSatisfying(AskBuildException.class, e -> assertThat(e.exitCode().code()).isEqualTo(2))
          .hasMessageContaining("--components takes names of letters, digits and _");
    }
  }

  @Test
  void privateTarballsAreSecretsWhoseSourcesAreTheLinksAndOnlyTheirPublicNamesAreArguments() throws Exception {
    Path secretFile = Files.writeString(tmp.resolve("very-private-name.tar.gz"), "x");
    List<PrivateInput> privates = List.of(new PrivateInput("ask-demo.tar.gz", secretFile));
    Path link = tmp.resolve("secrets/private1");
    Command c = DockerCommandLines.of(request(privates, Optional.empty()), DockerFlavor.CLASSIC, tmp.resolve("ctx"),
        List.of(link), tmp.resolve("x")).get(0);

    assertThat(String.join(" ", c.argv()))
        .contains("--secret id=private1,src=" + link, "--build-arg PRIVATE_NAMES=ask-demo.tar.gz")
        .doesNotContain("very-private-name");
    // Nothing but the secret flag points at a file of ours: no build argument carries a path.
    assertThat(c.argv()).filteredOn(a -> a.matches("[A-Z_]+=.*")).noneMatch(a -> a.contains(tmp.toString()));
  }

  @Test
  void anImageTagAddsTheRuntimeTargetLoadedIntoTheImageStore() {
    DockerRequest r = request(List.of(), Optional.of("askbuild/demo:test"));
    List<Command> buildx = DockerCommandLines.of(r, DockerFlavor.BUILDX, tmp.resolve("ctx"), List.of(), tmp.resolve("x"));
    List<Command> classic = DockerCommandLines.of(r, DockerFlavor.CLASSIC, tmp.resolve("ctx"), List.of(), tmp.resolve("x"));

    assertThat(buildx).hasSize(2);
    assertThat(String.join(" ", buildx.get(1).argv()))
        .contains("--target runtime", "--tag askbuild/demo:test", "--load").doesNotContain("--output");
    // The classic builder always loads what it tags; it has no --load.
    assertThat(classic.get(1).argv()).contains("--tag").doesNotContain("--load");
  }
}
