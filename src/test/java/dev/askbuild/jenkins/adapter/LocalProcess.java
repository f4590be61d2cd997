package dev.askbuild.jenkins.adapter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process on an agent that is this machine, as Jenkins' local launcher runs it:
 * the argument list as is (no shell), exactly the environment given, stdout and stderr copied.
 * Records what it was given so tests can search it for secrets.
 */
final class LocalProcess {
  final List<List<String>> commands = new ArrayList<>();
  final List<Map<String, String>> environments = new ArrayList<>();

  int run(List<String> argv, Map<String, String> env, String pwd, OutputStream stdout, OutputStream stderr)
      throws IOException, InterruptedException {
    commands.add(List.copyOf(argv));
    environments.add(Map.copyOf(env));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(new File(pwd));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    Thread err = pump(p.getErrorStream(), stderr);
    p.getInputStream().transferTo(stdout);
    int code = p.waitFor();
    err.join();
    return code;
  }

  private static Thread pump(InputStream in, OutputStream out) {
    Thread t = new Thread(() -> {
      try {
        in.transferTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    t.start();
    return t;
  }
}
