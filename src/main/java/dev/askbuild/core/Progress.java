package dev.askbuild.core;

/**
 * Where the engine reports what it is doing. The engine never prints: the CLI sends these lines to
 * stderr, the Jenkins layer to the build log.
 */
public interface Progress {
  Progress SILENT =
      new Progress() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
      };

  void info(String line);

  void warn(String line);
}
