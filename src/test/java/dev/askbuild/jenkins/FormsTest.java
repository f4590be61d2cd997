package dev.askbuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.askbuild.jenkins.adapter.Param;
import dev.askbuild.jenkins.adapter.StepKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The glue's forms against its sources, read as text (the glue compiles only in the jenkins
 * profile): every config.jelly field is a @DataBoundConstructor or @DataBoundSetter property and
 * has a help file, every step parameter is on the form, @Symbols are unique and as documented,
 * and every form endpoint is @POST.
 */
class FormsTest {
  static final Path PROJECT = Path.of(System.getProperty("askbuild.project.dir", "."));
  static final Path SOURCES = PROJECT.resolve("src/main/java/dev/askbuild/jenkins/steps");
  static final Path FORMS = PROJECT.resolve("src/main/resources/dev/askbuild/jenkins/steps");

  static List<String> formClasses() throws IOException {
    try (Stream<Path> dirs = Files.list(FORMS)) {
      return dirs.filter(d -> Files.exists(d.resolve("config.jelly"))).map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  static String source(String cls) throws IOException {
    return Files.readString(SOURCES.resolve(cls + ".java"));
  }

  /** Constructor parameters and setter properties of the class and its superclasses in the glue. */
  static Set<String> properties(String cls) throws IOException {
    Set<String> props = new LinkedHashSet<>();
    String src = source(cls);
    Matcher ctor = Pattern.compile("@DataBoundConstructor\\s+public \\w+\\(([^)]*)\\)").matcher(src);
    while (ctor.find()) {
      for (String param : ctor.group(1).split(",")) {
        String[] words = param.strip().split("\\s+");
        props.add(words[words.length - 1]);
      }
    }
    Matcher setter = Pattern.compile("@DataBoundSetter\\s+public void set(\\w)(\\w*)\\(").matcher(src);
    while (setter.find()) {
      props.add(setter.group(1).toLowerCase() + setter.group(2));
    }
    Matcher parent = Pattern.compile("class " + cls + " extends (\\w+)").matcher(src);
    if (parent.find() && Files.exists(SOURCES.resolve(parent.group(1) + ".java"))) {
      props.addAll(properties(parent.group(1)));
    }
    return props;
  }

  static List<String> jellyFields(String cls) throws Exception {
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(FORMS.resolve(cls).resolve("config.jelly").toFile());
    NodeList all = doc.getElementsByTagName("*");
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      String field = ((Element) all.item(i)).getAttribute("field");
      if (!field.isEmpty() && !fields.contains(field)) {
        fields.add(field);
      }
    }
    return fields;
  }

  @ParameterizedTest
  @MethodSource("formClasses")
  void everyFieldIsABoundPropertyWithAHelpFile(String cls) throws Exception {
    List<String> fields = jellyFields(cls);
    assertThat(fields).isNotEmpty();
    assertThat(properties(cls)).containsAll(fields);
    for (String field : fields) {
      assertThat(helpFile(cls, field)).as(cls + " help for " + field).isNotEmptyFile();
    }
  }

  /**
   * Where Jenkins finds a field's help: Descriptor.getHelpFile looks in the class's own resource
   * folder, then its superclasses', so the pipeline steps share AskStep's where the text is one.
   */
  static Path helpFile(String cls, String field) throws IOException {
    Path own = FORMS.resolve(cls).resolve("help-" + field + ".html");
    Matcher parent = Pattern.compile("public (?:abstract |final )?class " + cls + " extends (Ask\\w+)")
        .matcher(source(cls));
    return Files.exists(own) || !parent.find() ? own : helpFile(parent.group(1), field);
  }

  @Test
  void everyStepOffersEveryParameterOnItsFormWithAHelpPage() throws Exception {
    for (String cls : formClasses()) {
      Matcher kind = Pattern.compile("StepKind\\.(\\w+)").matcher(source(cls));
      if (!kind.find()) {
        continue;
      }
      StepKind k = StepKind.valueOf(kind.group(1));
      List<String> params = k.params().stream().map(Param::name).toList();
      assertThat(jellyFields(cls)).as(cls).containsExactlyInAnyOrderElementsOf(params);
      assertThat(properties(cls)).as(cls).containsExactlyInAnyOrderElementsOf(params);
      assertThat(FORMS.resolve(cls).resolve("help.html")).isNotEmptyFile();
      assertThat(Files.readString(FORMS.resolve(cls).resolve("help.html"))).contains(k.functionName());
    }
  }

  @Test
  void symbolsAreUniqueAndTheDocumentedOnes() throws Exception {
    List<String> symbols = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.sorted().toList()) {
        String src = Files.readString(f);
        Matcher m = Pattern.compile("@Symbol\\(\"(\\w+)\"\\)").matcher(src);
        while (m.find()) {
          symbols.add(m.group(1));
          // The descriptor's symbol is its step's function name.
          Matcher kind = Pattern.compile("StepKind\\.(\\w+)").matcher(src);
          assertThat(kind.find()).isTrue();
          assertThat(StepKind.valueOf(kind.group(1)).functionName()).isEqualTo(m.group(1));
        }
      }
    }
    assertThat(symbols).doesNotHaveDuplicates().containsExactlyInAnyOrder(
        "askVerify", "askSysroot", "askKernel", "askCompile", "askCheck", "askBuildAll");
    assertThat(Arrays.stream(StepKind.values()).map(StepKind::functionName)).containsExactlyInAnyOrderElementsOf(symbols);
    assertThat(Files.readString(PROJECT.resolve("README.md"))).contains(symbols.stream().map(s -> "`" + s).toList());
  }

  @Test
  void formEndpointsArePostOnlyAndLogicStaysOutOfJenkinsGet() throws Exception {
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.toList()) {
        String src = Files.readString(f);
        Matcher endpoint = Pattern.compile("(\\S+)\\s+public \\w+ (do(Check|Fill)\\w+)\\(").matcher(src);
        while (endpoint.find()) {
          assertThat(endpoint.group(1)).as(f.getFileName() + " " + endpoint.group(2)).isEqualTo("@POST");
        }
        assertThat(src).as(f.getFileName().toString()).doesNotContain("Jenkins.get()");
      }
    }
  }

  @Test
  void longStagesRunAsDurableTasksAndShortOnesSynchronously() throws Exception {
    for (StepKind kind : StepKind.values()) {
      if (kind == StepKind.BUILD) {
        continue;
      }
      String cls = "Ask" + kind.command().substring(0, 1).toUpperCase() + kind.command().substring(1) + "Step";
      assertThat(source(cls)).as(cls)
          .contains(kind.durable() ? "new DurableStageExecution(" : "new SyncStageExecution(");
    }
    assertThat(source("DurableStageExecution")).contains("new ShellStep(").contains("inner.onResume()");
  }
}
