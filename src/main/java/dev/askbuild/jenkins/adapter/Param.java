package dev.askbuild.jenkins.adapter;

/**
 * One step parameter: its name (the Pipeline argument, the form field and the glue's property),
 * type, whether it is required, and the engine option it becomes ({@code null} when the adapter
 * maps it itself, as with credentials).
 */
public record Param(String name, ParamType type, boolean required, String option, String help) {
  static Param required(String name, String option, String help) {
    return new Param(name, ParamType.STRING, true, option, help);
  }

  static Param string(String name, String option, String help) {
    return new Param(name, ParamType.STRING, false, option, help);
  }

  static Param flag(String name, String option, String help) {
    return new Param(name, ParamType.BOOLEAN, false, option, help);
  }

  static Param integer(String name, String option, String help) {
    return new Param(name, ParamType.INTEGER, false, option, help);
  }

  static Param credentials(String name, String help) {
    return new Param(name, ParamType.STRING, false, null, help);
  }

  static Param privateTarballs() {
    return new Param("privateTarballs", ParamType.PRIVATE_TARBALLS, false, null,
        "Tarballs read from FileCredentials instead of the packages directory: a list of"
            + " [credentialsId: ID, name: FILE NAME AS SHA256SUMS LISTS IT].");
  }
}
