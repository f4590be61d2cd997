package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.AgentFiles;
import dev.askbuild.jenkins.adapter.EngineJar;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;
import jenkins.security.MasterToSlaveCallable;

/** The engine on the agent of a workspace: its jar placed once per plugin version, and the agent's own Java. */
final class JenkinsAgent {
  private JenkinsAgent() {}

  /** The jar this plugin carries, hashed once per controller start. */
  private static final class Holder {
    static final EngineJar JAR = EngineJar.of(() -> JenkinsAgent.class.getResourceAsStream(EngineJar.RESOURCE));
  }

  /** Where the engine runs: the agent's Java and the placed jar, as absolute agent paths. */
  static String[] engine(FilePath workspace) throws IOException, InterruptedException {
    VirtualChannel channel = workspace.getChannel();
    Computer computer = workspace.toComputer();
    Node node = computer == null ? null : computer.getNode();
    FilePath root = node == null ? null : node.getRootPath();
    if (root == null || channel == null) {
      throw new AbortException("ask-build: the agent of workspace " + workspace.getRemote() + " is not online");
    }
    String java = channel.call(new AgentJava());
    String jar = Holder.JAR.place(new Files(channel), root.getRemote());
    return new String[] {java, jar};
  }

  /** The agent's own Java: the engine runs with what the agent runs on, no tool installation. */
  private static final class AgentJava extends MasterToSlaveCallable<String, IOException> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call() {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
  }

  private static final class HashOnAgent extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String invoke(File f, VirtualChannel channel) throws IOException {
      return EngineJar.sha256Of(f.toPath());
    }
  }

  /** Absolute paths on the agent, reached through its channel. */
  private static final class Files implements AgentFiles {
    private final VirtualChannel channel;

    Files(VirtualChannel channel) {
      this.channel = channel;
    }

    private FilePath at(String path) {
      return new FilePath(channel, path);
    }

    @Override
    public boolean exists(String path) throws IOException, InterruptedException {
      return at(path).exists();
    }

    @Override
    public void mkdirs(String path) throws IOException, InterruptedException {
      at(path).mkdirs();
    }

    @Override
    public void write(String path, InputStream content) throws IOException, InterruptedException {
      at(path).copyFrom(content);
    }

    @Override
    public void rename(String from, String to) throws IOException, InterruptedException {
      at(from).renameTo(at(to));
    }

    @Override
    public String sha256(String path) throws IOException, InterruptedException {
      return at(path).act(new HashOnAgent());
    }

    @Override
    public void deleteRecursive(String path) throws IOException, InterruptedException {
      at(path).deleteRecursive();
    }
  }
}
