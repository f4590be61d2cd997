package dev.askbuild.jenkins.steps;

import dev.askbuild.core.Sha256;
import dev.askbuild.jenkins.adapter.Agent;
import dev.askbuild.jenkins.adapter.AgentFiles;
import dev.askbuild.jenkins.adapter.AgentProcess;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;
import jenkins.security.MasterToSlaveCallable;

/** The adapter's {@link Agent} over Jenkins' FilePath and Launcher: the same calls reach any agent. */
final class JenkinsAgent {
  private JenkinsAgent() {}

  static Agent of(FilePath workspace) throws IOException, InterruptedException {
    VirtualChannel channel = workspace.getChannel();
    FilePath temp = WorkspaceList.tempDir(workspace);
    Computer computer = workspace.toComputer();
    Node node = computer == null ? null : computer.getNode();
    FilePath root = node == null ? null : node.getRootPath();
    if (temp == null || root == null || channel == null) {
      throw new AbortException("ask-build: the agent of workspace " + workspace.getRemote() + " is not online");
    }
    String java = channel.call(new AgentJava());
    return new Agent(new Files(channel), java, workspace.getRemote(), temp.getRemote(), root.getRemote());
  }

  static AgentProcess process(Launcher launcher, FilePath workspace) {
    return (argv, env, pwd, stdout, stderr) ->
        launcher.launch().cmds(argv).envs(env).pwd(workspace).stdout(stdout).stderr(stderr).quiet(true).join();
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
      return Sha256.ofFile(f.toPath());
    }
  }

  /** Absolute paths on the agent, reached through its channel. */
  static final class Files implements AgentFiles {
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
    public void chmod(String path, int mode) throws IOException, InterruptedException {
      at(path).chmod(mode);
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
    public String readText(String path) throws IOException, InterruptedException {
      return at(path).readToString();
    }

    @Override
    public void deleteRecursive(String path) throws IOException, InterruptedException {
      at(path).deleteRecursive();
    }
  }
}
