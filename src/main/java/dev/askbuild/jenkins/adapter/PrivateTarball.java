package dev.askbuild.jenkins.adapter;

import java.io.Serializable;

/**
 * A tarball that comes from a FileCredentials instead of the packages directory: the credential's
 * id and the file name SHA256SUMS lists it under. Holds the id only, never the content.
 */
public record PrivateTarball(String credentialsId, String name) implements Serializable {
  private static final long serialVersionUID = 1L;
}
