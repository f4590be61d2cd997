package dev.askbuild.jenkins.adapter;

/** A step parameter that is missing, unknown, of the wrong type or out of range; names it. */
public final class ParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public ParameterException(String step, String parameter, String problem) {
    super(step + ": parameter '" + parameter + "' " + problem);
    this.parameter = parameter;
  }

  /** The parameter at fault, as the user wrote it. */
  public String parameter() {
    return parameter;
  }
}
