package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.EngineJar;

/** The engine jar this plugin carries, hashed once per controller start. */
final class Engine {
  private Engine() {}

  private static final class Holder {
    static final EngineJar JAR = EngineJar.of(() -> Engine.class.getResourceAsStream(EngineJar.RESOURCE));
  }

  static EngineJar jar() {
    return Holder.JAR;
  }
}
