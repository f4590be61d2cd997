package dev.askbuild.jenkins.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A step's engine command line as an argument list (never a shell string): the per-stage command,
 * one option per given parameter, secret files by path only, and {@code --json}.
 */
public final class EngineArgs {
  private EngineArgs() {}

  /**
   * @param workspace the agent's absolute workspace path; relative directories resolve against it
   * @param secretPaths credential id to the agent path of the file holding its content
   */
  public static List<String> of(StepConfig config, String workspace, Map<String, String> secretPaths) {
    List<String> args = new ArrayList<>();
    args.add(config.kind().command());
    for (Param p : config.kind().params()) {
      if (p.option() == null) {
        continue;
      }
      Object value = config.values().get(p.name());
      if (p.name().equals("out")) {
        value = config.out();
      }
      if (value == null || Boolean.FALSE.equals(value)) {
        continue;
      }
      args.add(p.option());
      if (!(value instanceof Boolean)) {
        args.add(isPath(p.name()) ? resolve(workspace, value.toString()) : value.toString());
      }
    }
    if (config.values().containsKey("signatureCredentialsId")) {
      args.add("--signature");
      args.add(secretPath(secretPaths, config.string("signatureCredentialsId")));
      args.add("--keyring");
      args.add(secretPath(secretPaths, config.string("keyringCredentialsId")));
    }
    for (PrivateTarball t : config.privateTarballs()) {
      args.add("--private");
      args.add(t.name() + "=" + secretPath(secretPaths, t.credentialsId()));
    }
    args.add("--json");
    return List.copyOf(args);
  }

  private static boolean isPath(String name) {
    return name.equals("out") || name.equals("packages") || name.equals("cache");
  }

  /** Agents are Linux (the engine needs Debian's cross toolchain), so paths join with '/'. */
  static String resolve(String workspace, String path) {
    if (path.startsWith("/")) {
      return path;
    }
    return workspace.endsWith("/") ? workspace + path : workspace + "/" + path;
  }

  private static String secretPath(Map<String, String> secretPaths, String id) {
    String path = secretPaths.get(id);
    if (path == null) {
      throw new IllegalStateException("no secret file was written for credential '" + id + "'");
    }
    return path;
  }
}
