package dev.askbuild.jenkins.adapter;

/** The value types a step parameter takes; each names itself in type errors. */
public enum ParamType {
  STRING("a string"),
  BOOLEAN("a boolean"),
  INTEGER("an integer"),
  /** {@code [[credentialsId: 'id', name: 'file name'], ...]}. */
  PRIVATE_TARBALLS("a list of [credentialsId:, name:] maps");

  private final String description;

  ParamType(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
