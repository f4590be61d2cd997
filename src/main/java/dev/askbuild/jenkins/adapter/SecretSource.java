package dev.askbuild.jenkins.adapter;

import java.io.IOException;
import java.io.InputStream;

/**
 * One credential's file content, opened only while it is written to the agent. The glue backs it
 * with a plain-credentials FileCredentials; nothing keeps the stream or its bytes afterwards.
 */
public interface SecretSource {
  String credentialsId();

  InputStream open() throws IOException;
}
