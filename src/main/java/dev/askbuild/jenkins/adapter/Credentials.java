package dev.askbuild.jenkins.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Matches a step's credential ids to the secret sources the glue resolved. */
public final class Credentials {
  private Credentials() {}

  /**
   * One source per credential id the step names, in order; a missing one fails naming the
   * parameter that holds the id, before anything runs.
   */
  public static List<SecretSource> sourcesFor(StepConfig config, List<SecretSource> resolved) {
    Map<String, SecretSource> byId = resolved.stream()
        .collect(Collectors.toMap(SecretSource::credentialsId, Function.identity(), (a, b) -> a));
    List<SecretSource> sources = new ArrayList<>();
    for (String id : config.credentialIds()) {
      SecretSource source = byId.get(id);
      if (source == null) {
        throw new ParameterException(config.kind().functionName(), parameterOf(config, id),
            "names credential '" + id + "', which is not a secret file credential this build can use");
      }
      sources.add(source);
    }
    return sources;
  }

  /** The parameter that names a credential id, for error messages. */
  public static String parameterOf(StepConfig config, String id) {
    if (id.equals(config.string("signatureCredentialsId"))) {
      return "signatureCredentialsId";
    }
    if (id.equals(config.string("keyringCredentialsId"))) {
      return "keyringCredentialsId";
    }
    List<PrivateTarball> tarballs = config.privateTarballs();
    for (int i = 0; i < tarballs.size(); i++) {
      if (tarballs.get(i).credentialsId().equals(id)) {
        return "privateTarballs[" + i + "].credentialsId";
      }
    }
    return "credentialsId";
  }
}
