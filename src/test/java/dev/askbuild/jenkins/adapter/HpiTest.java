package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The .hpi as the jenkins profile assembles it: HpiTool run with the profile's own arguments. */
class HpiTest {
  static final Path POM = Path.of(System.getProperty("askbuild.project.dir", "."), "pom.xml");

  @TempDir Path dir;

  @Test
  void theProfileWritesMavenHpiPluginsManifestAndLayout() throws Exception {
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.createDirectories(target.resolve("hpi"));
    Path plugin = pluginJar(target.resolve("hpi/ask-build.jar"), true);
    List<String> args = profileHpiToolArgs(target);

    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      HpiTool.main(args.toArray(String[]::new));
    } finally {
      System.setOut(console);
    }
    Path hpi = target.resolve("ask-build.hpi");
    console.println("Manifest of the .hpi the jenkins profile writes:\n" + printed.toString(StandardCharsets.UTF_8));

    // Nothing bundled beside the plugin jar: the engine travels inside it, for the agents.
    assertThat(HpiLayout.entries(hpi)).containsExactly("META-INF/", "META-INF/MANIFEST.MF", "WEB-INF/", "WEB-INF/lib/",
        "WEB-INF/lib/ask-build.jar");
    // Defect 1: the plugin jar carries the plugin manifest too, or Jenkins' class filter refuses its classes.
    try (JarFile jar = new JarFile(plugin.toFile())) {
      Attributes a = jar.getManifest().getMainAttributes();
      assertThat(a.getValue("Short-Name")).isEqualTo("ask-build");
      assertThat(a.getValue("Plugin-Version")).matches("0\\.1\\.0-SNAPSHOT \\(private-.+\\)");
      assertThat(HpiLayout.entries(plugin)).startsWith("META-INF/", "META-INF/MANIFEST.MF").contains("index.jelly",
          HpiLayout.EXTENSION_INDEX, HpiLayout.SYMBOL_INDEX);
    }
    try (JarFile jar = new JarFile(hpi.toFile())) {
      Attributes a = jar.getManifest().getMainAttributes();
      assertThat(a.getValue("Short-Name")).isEqualTo("ask-build");
      assertThat(a.getValue("Artifact-Id")).isEqualTo("ask-build");
      assertThat(a.getValue("Group-Id")).isEqualTo("dev.askbuild");
      assertThat(a.getValue("Long-Name")).isEqualTo("ask-build");
      assertThat(a.getValue("Plugin-Version")).matches("0\\.1\\.0-SNAPSHOT \\(private-.+\\)");
      assertThat(a.getValue("Jenkins-Version")).isEqualTo("2.541.3");
      assertThat(a.getValue("Hudson-Version")).isEqualTo("2.541.3");
      // What askBuild's steps come from (node/sh, stage, withEnv/error, withCredentials, the global variable), junit optional.
      List<String> deps = List.of(a.getValue("Plugin-Dependencies").split(","));
      assertThat(deps.stream().map(d -> d.split(":")[0]).toList()).containsExactly("credentials-binding",
          "pipeline-stage-step", "structs", "workflow-basic-steps", "workflow-cps", "workflow-durable-task-step",
          "workflow-step-api", "junit");
      assertThat(deps.get(deps.size() - 1)).endsWith(";resolution:=optional");
      assertThat(deps.subList(0, deps.size() - 1)).noneMatch(d -> d.contains("optional"));
      // The order maven-hpi-plugin writes them in.
      assertThat(new ArrayList<>(a.keySet()).stream().map(Object::toString).toList()).containsSubsequence(
          "Manifest-Version", "Group-Id", "Artifact-Id", "Short-Name", "Long-Name", "Plugin-Version",
          "Hudson-Version", "Jenkins-Version", "Plugin-Dependencies");
    }
    String raw = new String(Files.readAllBytes(hpi), StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("Plugin-Class");
  }

  /** The plugin jar takes the Jenkins classes and the adapter, never the engine's packages (those are the agents'). */
  @Test
  void thePluginJarCarriesTheEngineOnlyAsTheAgentsJar() throws Exception {
    String pom = Files.readString(POM);
    String jarTask = pom.substring(pom.indexOf("<jar destfile="), pom.indexOf("</jar>"));
    List<String> includes = new ArrayList<>();
    Matcher m = Pattern.compile("<include name=\"([^\"]+)\"/>").matcher(jarTask);
    while (m.find()) {
      includes.add(m.group(1));
    }
    assertThat(includes).containsExactly("dev/askbuild/jenkins/steps/**", "dev/askbuild/jenkins/adapter/**",
        "META-INF/annotations/**", "META-INF/services/annotations/**", "META-INF/exposed.stapler-beans", "index.jelly",
        "askBuild.groovy");
    assertThat(jarTask).contains("fullpath=\"dev/askbuild/jenkins/engine/askbuild.jar\"");
    String profile = pom.substring(pom.indexOf("<id>jenkins</id>"));
    assertThat(profile).doesNotContain("copy-dependencies");
  }

  @Test
  void optionalDependenciesAndUrlAreWrittenAsMavenHpiPluginDoes() {
    HpiManifest m = new HpiManifest("dev.askbuild", "ask-build", "ask-build", "1.2", null, "2.541.3",
        "https://example.invalid/ask-build", List.of(new PluginDependency("structs", "362.va_b_695ef4fdf9", false),
            new PluginDependency("workflow-cps", "4370.v49a_6937566b_6", true)), null, null, null, null);
    Attributes a = m.toManifest().getMainAttributes();
    assertThat(a.getValue("Plugin-Dependencies")).isEqualTo("structs:362.va_b_695ef4fdf9,workflow-cps:4370.v49a_6937566b_6;resolution:=optional");
    assertThat(a.getValue("Plugin-Version")).isEqualTo("1.2");
    assertThat(a.getValue("Url")).isEqualTo("https://example.invalid/ask-build");
    // A manifest line holds at most 72 bytes; longer values continue on lines starting with a space.
    assertThat(m.text().lines()).allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 72);
  }

  @Test
  void aPluginJarWithoutItsExtensionIndexIsRefused() throws Exception {
    Path jar = pluginJar(dir.resolve("p.jar"), false);
    assertThatThrownBy(() -> HpiLayout.write(dir.resolve("x.hpi"), null, jar, List.of()))
        .hasMessageContaining("lacks META-INF/annotations/hudson.Extension");
    assertThat(dir.resolve("x.hpi")).doesNotExist();
  }

  static Path pluginJar(Path path, boolean withIndex) throws Exception {
    try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new ZipEntry("index.jelly"));
      jar.write("<div/>".getBytes(StandardCharsets.UTF_8));
      if (withIndex) {
        jar.putNextEntry(new ZipEntry(HpiLayout.EXTENSION_INDEX));
        jar.write(new byte[] {(byte) 0xac, (byte) 0xed});
        jar.putNextEntry(new ZipEntry(HpiLayout.SYMBOL_INDEX));
        jar.write("dev.askbuild.jenkins.steps.AskVerifyStep$DescriptorImpl\n".getBytes(StandardCharsets.UTF_8));
      }
    }
    return path;
  }

  /** The arguments of the profile's {@code <java classname="...HpiTool">}, properties filled in. */
  static List<String> profileHpiToolArgs(Path target) throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());
    Map<String, String> props = new HashMap<>();
    props.put("project.build.directory", target.toString());
    props.put("project.artifactId", text(pom.getDocumentElement(), "artifactId"));
    props.put("project.groupId", text(pom.getDocumentElement(), "groupId"));
    props.put("project.version", text(pom.getDocumentElement(), "version"));
    props.put("user.name", "test");
    Element profile = null;
    NodeList profiles = pom.getElementsByTagName("profile");
    for (int i = 0; i < profiles.getLength(); i++) {
      Element p = (Element) profiles.item(i);
      if (text(p, "id").equals("jenkins")) {
        profile = p;
      }
    }
    assertThat(profile).as("the jenkins profile").isNotNull();
    NodeList properties = ((Element) profile.getElementsByTagName("properties").item(0)).getChildNodes();
    for (int i = 0; i < properties.getLength(); i++) {
      if (properties.item(i) instanceof Element e) {
        props.put(e.getTagName(), e.getTextContent().strip());
      }
    }
    NodeList javas = profile.getElementsByTagName("java");
    assertThat(javas.getLength()).isEqualTo(1);
    Element java = (Element) javas.item(0);
    assertThat(java.getAttribute("classname")).isEqualTo(HpiTool.class.getName());
    List<String> args = new ArrayList<>();
    NodeList argNodes = java.getElementsByTagName("arg");
    for (int i = 0; i < argNodes.getLength(); i++) {
      args.add(substitute(((Element) argNodes.item(i)).getAttribute("value"), props));
    }
    return args;
  }

  private static String text(Element parent, String child) {
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }

  private static String substitute(String value, Map<String, String> props) {
    Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = props.get(m.group(1));
      assertThat(v).as("property " + m.group(1)).isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    return m.appendTail(out).toString();
  }
}
