package dev.askbuild.jenkins.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The {@code .hpi}'s {@code META-INF/MANIFEST.MF} with the attributes, names and order current
 * maven-hpi-plugin writes ({@code AbstractJenkinsManifestMojo.setAttributes}): Group-Id,
 * Artifact-Id, Short-Name, Long-Name, Url, Plugin-Version (a snapshot gets
 * {@code " (private-<description>)"}), Hudson-Version and Jenkins-Version (both the core it
 * builds against), Plugin-Dependencies ({@code name:version[;resolution:=optional]}, comma
 * separated), Plugin-Developers, Plugin-License-Name/-Url and Plugin-ScmUrl. maven-hpi-plugin is
 * not reachable here, so the {@code jenkins} profile writes it with this class.
 */
public record HpiManifest(String groupId, String artifactId, String longName, String version,
    String snapshotDescription, String jenkinsVersion, String url, List<PluginDependency> dependencies,
    String developers, String licenseName, String licenseUrl, String scmUrl) {

  public HpiManifest {
    dependencies = List.copyOf(dependencies);
  }

  /** The version Jenkins shows: a snapshot says whose private build it is, as maven-hpi-plugin does. */
  public String pluginVersion() {
    return version.endsWith("-SNAPSHOT") && snapshotDescription != null
        ? version + " (private-" + snapshotDescription + ")"
        : version;
  }

  public String pluginDependencies() {
    return dependencies.stream().map(PluginDependency::entry).collect(Collectors.joining(","));
  }

  public Manifest toManifest() {
    Manifest m = new Manifest();
    Attributes a = m.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Created-By", "ask-build HpiManifest");
    a.putValue("Build-Jdk-Spec", "17");
    a.putValue("Group-Id", groupId);
    a.putValue("Artifact-Id", artifactId);
    a.putValue("Short-Name", artifactId);
    a.putValue("Long-Name", longName);
    putIfPresent(a, "Url", url);
    a.putValue("Plugin-Version", pluginVersion());
    a.putValue("Hudson-Version", jenkinsVersion);
    a.putValue("Jenkins-Version", jenkinsVersion);
    if (!dependencies.isEmpty()) {
      a.putValue("Plugin-Dependencies", pluginDependencies());
    }
    putIfPresent(a, "Plugin-Developers", developers);
    putIfPresent(a, "Plugin-License-Name", licenseName);
    putIfPresent(a, "Plugin-License-Url", licenseUrl);
    putIfPresent(a, "Plugin-ScmUrl", scmUrl);
    return m;
  }

  private static void putIfPresent(Attributes a, String name, String value) {
    if (value != null && !value.isBlank()) {
      a.putValue(name, value);
    }
  }

  /** The bytes as written into the archive (72-byte lines, continuation lines start with a space). */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      toManifest().write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }
}
