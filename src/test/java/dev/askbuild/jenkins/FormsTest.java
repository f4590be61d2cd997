package dev.askbuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  void everyParameterIsOnItsFormAndEveryStepHasAHelpPage() throws Exception {
    for (String cls : formClasses()) {
      assertThat(jellyFields(cls)).as(cls).containsExactlyInAnyOrderElementsOf(properties(cls));
      assertThat(FORMS.resolve(cls).resolve("help.html")).as(cls).isNotEmptyFile();
    }
  }

  /** The builder holds the steps' model: every option askVerify takes, the freestyle builder takes too. */
  @Test
  void theBuilderSharesTheStepsModel() throws Exception {
    assertThat(properties("AskBuildBuilder")).containsAll(properties("AskVerifyStep")).contains("jobs", "stages");
    for (String cls : List.of("AskBuildBuilder", "AskStep")) {
      assertThat(source(cls)).as(cls).contains("EngineOptions options");
    }
  }

  /** Defect 4: f:number binds an empty field to 0 (jobs: 0, epoch: 0 in snippets); text boxes and the model leave it out. */
  @Test
  void noNumberFieldBindsBlankToZero() throws Exception {
    for (String cls : formClasses()) {
      assertThat(Files.readString(FORMS.resolve(cls).resolve("config.jelly"))).as(cls).doesNotContain("<f:number");
    }
    for (String cls : List.of("AskStepDescriptor", "AskBuildBuilder")) {
      assertThat(source(cls)).as(cls).contains("super.newInstance(req, Forms.withoutBlanks(formData))");
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
          // The descriptor's symbol is its step's function name (askBuildAll is the builder's).
          assertThat(src.split("\"" + m.group(1) + "\"", -1).length - 1).as(f.getFileName().toString())
              .isGreaterThanOrEqualTo(m.group(1).equals("askBuildAll") ? 1 : 2);
        }
      }
    }
    assertThat(symbols).doesNotHaveDuplicates().containsExactlyInAnyOrder("askEngine", "askVerify", "askCheck", "askBaseline", "askBuildAll");
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

  /**
   * The long stages are askBuild's plain sh steps, which Jenkins resumes itself (also on a remote
   * agent that reconnects); no Java class nests an execution, hand-binds a credential or masks a log.
   */
  @Test
  void jenkinsDoesTheDurableTasksAndTheSecretsNotACopyOfIt() throws Exception {
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as(f.getFileName().toString()).doesNotContain("new ShellStep", "extends StepContext",
            "extends SynchronousNonBlockingStepExecution", "FileCredentials", "CredentialsProvider", "getContent()");
      }
    }
    String script = Files.readString(PROJECT.resolve("vars/askBuild.groovy"));
    assertThat(script).contains("sh stageLine(cfg, name)", "withCredentials(bindings)", "askEngine(planArgs(cfg))");
    assertThat(source("RerunExecution")).contains("public final void onResume()").doesNotContain("onFailure(new");
  }
}
