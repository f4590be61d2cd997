package dev.askbuild.core;

/** askbuild's version, as {@code askbuild --version} prints it and the reports record it. */
public final class Version {
  /** A compile-time constant, so that picocli's {@code @Command(version = ...)} can use it. */
  public static final String NUMBER = "0.1.0";

  private Version() {}
}
