package dev.askbuild.jenkins.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one engine stage on the agent and waits for it: the short steps (verify, check) and the
 * freestyle builder. Engine jar placed, secret files written, the argument list run with the
 * agent's Java, the {@code --json} result parsed; the secret files removed in a finally block
 * whatever happened.
 */
public final class StageRunner {
  /** The tail of the engine's stderr kept for a failure that printed no JSON. */
  static final int STDERR_TAIL = 4096;

  private StageRunner() {}

  public static LinkedHashMap<String, Serializable> run(StepConfig config, Agent agent, AgentProcess process,
      EngineJar jar, List<SecretSource> secrets, Map<String, String> env, PrintStream log)
      throws IOException, InterruptedException {
    String step = config.kind().functionName();
    List<SecretSource> sources = Credentials.sourcesFor(config, secrets);
    String jarPath = jar.place(agent.files(), agent.root());
    SecretDir dir = SecretDir.create(agent.files(), agent.tempDir());
    try {
      LogMasker masker = LogMasker.of(dir.write(agent.files(), sources));
      List<String> argv = command(agent.java(), jarPath, EngineArgs.of(config, agent.workspace(), dir.paths()));
      log.println(masker.mask(step + ": " + String.join(" ", argv)));
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      Tail tail = new Tail();
      int code;
      try (OutputStream stderr = masker.wrap(new Tee(log, tail))) {
        code = process.run(argv, env, agent.workspace(), stdout, stderr);
      }
      return EngineResult.parse(step, stdout.toString(StandardCharsets.UTF_8), code, masker.mask(tail.text()));
    } finally {
      dir.delete(agent.files());
    }
  }

  /** The agent's Java running the engine jar with the stage's arguments. */
  public static List<String> command(String java, String jarPath, List<String> engineArgs) {
    List<String> argv = new ArrayList<>();
    argv.add(java);
    argv.add("-jar");
    argv.add(jarPath);
    argv.addAll(engineArgs);
    return List.copyOf(argv);
  }

  /** Copies to the log without closing it (the build's log outlives the step). */
  private static final class Tee extends OutputStream {
    private final PrintStream log;
    private final Tail tail;

    Tee(PrintStream log, Tail tail) {
      this.log = log;
      this.tail = tail;
    }

    @Override
    public void write(int b) {
      log.write(b);
      tail.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      log.write(b, off, len);
      tail.write(b, off, len);
    }

    @Override
    public void flush() {
      log.flush();
    }
  }

  /** The last bytes written. */
  private static final class Tail extends OutputStream {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      buffer.write(b);
      trim();
    }

    @Override
    public void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
      trim();
    }

    private void trim() {
      if (buffer.size() > 2 * STDERR_TAIL) {
        byte[] all = buffer.toByteArray();
        buffer.reset();
        buffer.write(all, all.length - STDERR_TAIL, STDERR_TAIL);
      }
    }

    String text() {
      String s = buffer.toString(StandardCharsets.UTF_8);
      return s.length() > STDERR_TAIL ? s.substring(s.length() - STDERR_TAIL) : s;
    }
  }
}
