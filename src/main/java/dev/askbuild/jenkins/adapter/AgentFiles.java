package dev.askbuild.jenkins.adapter;

import java.io.IOException;
import java.io.InputStream;

/**
 * The few file operations placing the engine jar needs on the agent, by absolute path. The glue
 * implements them with Jenkins' {@code FilePath} (which reaches remote agents), the tests with
 * java.nio.
 */
public interface AgentFiles {
  boolean exists(String path) throws IOException, InterruptedException;

  void mkdirs(String path) throws IOException, InterruptedException;

  /** Writes the stream to a new file, replacing none: the caller picks a fresh name. */
  void write(String path, InputStream content) throws IOException, InterruptedException;

  /** Moves a file into place in one step (same directory, so a reader never sees half a file). */
  void rename(String from, String to) throws IOException, InterruptedException;

  String sha256(String path) throws IOException, InterruptedException;

  /** Removes a file or a directory tree; a missing path is not an error. */
  void deleteRecursive(String path) throws IOException, InterruptedException;
}
