package dev.askbuild.jenkins.adapter;

/** A plugin this one needs, as the manifest's Plugin-Dependencies lists it. */
public record PluginDependency(String shortName, String version, boolean optional) {
  /** {@code name:version}, with maven-hpi-plugin's {@code ;resolution:=optional} mark. */
  public String entry() {
    return shortName + ":" + version + (optional ? ";resolution:=optional" : "");
  }
}
