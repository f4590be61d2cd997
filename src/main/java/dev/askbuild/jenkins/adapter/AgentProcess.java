package dev.askbuild.jenkins.adapter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Starts the engine on the agent and waits for it. The glue implements it with Jenkins'
 * {@code Launcher} (which reaches remote agents); tests with a local process.
 */
public interface AgentProcess {
  /**
   * @param argv the program and its arguments, each passed as is (no shell)
   * @param env the whole environment the engine gets
   * @return the exit code
   */
  int run(List<String> argv, Map<String, String> env, String pwd, OutputStream stdout, OutputStream stderr)
      throws IOException, InterruptedException;
}
