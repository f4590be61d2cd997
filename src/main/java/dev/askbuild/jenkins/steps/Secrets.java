package dev.askbuild.jenkins.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import dev.askbuild.jenkins.adapter.Credentials;
import dev.askbuild.jenkins.adapter.ParameterException;
import dev.askbuild.jenkins.adapter.SecretSource;
import dev.askbuild.jenkins.adapter.StepConfig;
import hudson.model.Run;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/** Resolves a step's credential ids to secret file credentials, tracking each use on the build. */
final class Secrets {
  private Secrets() {}

  static List<SecretSource> resolve(Run<?, ?> run, StepConfig config) {
    List<SecretSource> sources = new ArrayList<>();
    for (String id : config.credentialIds()) {
      FileCredentials c = CredentialsProvider.findCredentialById(id, FileCredentials.class, run);
      if (c == null) {
        throw new ParameterException(config.kind().functionName(), Credentials.parameterOf(config, id),
            "names credential '" + id + "', which is not a secret file credential this build can use");
      }
      CredentialsProvider.track(run, c);
      sources.add(new SecretSource() {
        @Override
        public String credentialsId() {
          return id;
        }

        @Override
        public InputStream open() throws IOException {
          return c.getContent();
        }
      });
    }
    return sources;
  }
}
