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

  /**
   * A failure the stage goes on to report before it fails (every failed file of a verification,
   * then exit 1): shown as {@code error:}, never as a warning. A sink that does not tell errors apart
   * shows it as information, with the word.
   */
  default void error(String line) {
    info("error: " + line);
  }

  /**
   * How far a long step has come, sent at most once a second. A terminal shows every one on a
   * single updating line; a log (Jenkins, CI, a file) keeps only the {@code milestone}s, which the
   * engine marks every few percent or tens of seconds, so a long build neither floods nor goes quiet.
   */
  default void status(String line, boolean milestone) {
    if (milestone) {
      info(line);
    }
  }
}
