package dev.askbuild.docker;

/**
 * How the CLI reaches BuildKit: the buildx plugin, or the classic builder of a docker 20.10 CLI
 * switched to BuildKit with {@code DOCKER_BUILDKIT=1}. Both take the same flags.
 */
public enum DockerFlavor {
  BUILDX,
  CLASSIC
}
