package dev.askbuild.jenkins.adapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Secret files for one step on the agent, as credentials-binding lays them out:
 * {@code <workspace@tmp>/secretFiles/<uuid>/} (0700) holding one 0400 file per credential, named
 * by a fresh uuid, never by the credential. {@link #delete} removes the directory; callers run it
 * in a finally block. Serialized state is paths only: no content ever lands in a field.
 */
public final class SecretDir implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Secrets up to this size are also masked in the log, line by line; larger ones are tarballs. */
  static final int MASKED_MAX = 64 * 1024;

  private final String dir;
  private final LinkedHashMap<String, String> paths = new LinkedHashMap<>();

  private SecretDir(String dir) {
    this.dir = dir;
  }

  /** Creates the 0700 directory under the workspace's temporary directory. */
  public static SecretDir create(AgentFiles files, String tempDir) throws IOException, InterruptedException {
    String secrets = tempDir + "/secretFiles";
    SecretDir d = new SecretDir(secrets + "/" + UUID.randomUUID());
    files.mkdirs(d.dir);
    files.chmod(secrets, 0700);
    files.chmod(d.dir, 0700);
    return d;
  }

  /**
   * Writes each credential's content to a 0400 file; returns the text of the small ones for the
   * log masker (the caller keeps it in a transient field only).
   */
  public List<String> write(AgentFiles files, List<SecretSource> sources) throws IOException, InterruptedException {
    List<String> maskable = new ArrayList<>();
    for (SecretSource source : sources) {
      if (paths.containsKey(source.credentialsId())) {
        continue;
      }
      String path = dir + "/" + UUID.randomUUID();
      try (InputStream in = source.open()) {
        byte[] head = in.readNBytes(MASKED_MAX + 1);
        if (head.length <= MASKED_MAX) {
          maskable.add(new String(head, java.nio.charset.StandardCharsets.UTF_8));
        }
        files.write(path, new java.io.SequenceInputStream(new ByteArrayInputStream(head), in));
      }
      files.chmod(path, 0400);
      paths.put(source.credentialsId(), path);
    }
    return maskable;
  }

  /** Credential id to the agent path of its file. */
  public Map<String, String> paths() {
    return Map.copyOf(paths);
  }

  public String dir() {
    return dir;
  }

  /** Removes the directory and every secret file in it; safe to call twice. */
  public void delete(AgentFiles files) throws IOException, InterruptedException {
    files.deleteRecursive(dir);
  }
}
