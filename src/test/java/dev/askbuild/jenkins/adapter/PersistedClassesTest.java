package dev.askbuild.jenkins.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Defect 2: Jenkins saves the summary action (a build's record) and the builder's and steps'
 * options (a job's config, a program's state) with XStream, which cannot read a record back
 * ("can't get field offset on a record class"). What the adapter hands Jenkins to keep is plain
 * classes all the way down, and reads back equal.
 */
class PersistedClassesTest {
  static final List<Class<?>> PERSISTED = List.of(CheckSummary.class, EngineOptions.class);

  @Test
  void nothingJenkinsKeepsIsOrHoldsARecord() {
    Deque<Class<?>> todo = new ArrayDeque<>(PERSISTED);
    Set<Class<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (!seen.add(c) || !c.getName().startsWith("dev.askbuild")) {
        continue;
      }
      assertThat(c.isRecord()).as(c.getName()).isFalse();
      assertThat(Serializable.class).as(c.getName()).isAssignableFrom(c);
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          todo.push(f.getType());
        }
      }
      for (Class<?> inner : c.getDeclaredClasses()) {
        todo.push(inner);
      }
    }
    assertThat(seen).contains(CheckSummary.Row.class, AbiSummary.class);
  }

  @Test
  void theSummaryAndTheOptionsReadBackEqual() throws Exception {
    CheckSummary summary = CheckSummary.fromChecks(Json.read("{\"board\":\"demo\",\"passed\":true,\"artifacts\":"
        + "[{\"path\":\"alpha.ko\",\"checks\":[{\"check\":\"vermagic\",\"status\":\"pass\",\"expected\":\"6.12\"}]}]}"), "out");
    CheckSummary back = roundTrip(summary);
    assertThat(SummaryHtml.render(back)).isEqualTo(SummaryHtml.render(summary)).contains("alpha.ko", "vermagic");

    EngineOptions options = new EngineOptions("demo");
    options.epoch(1700000000);
    options.components(List.of("alpha", "beta"));
    options.privateFiles("ASK.tar.gz=/tmp/x\n");
    options.strict(true);
    assertThat(roundTrip(options).args("verify")).isEqualTo(options.args("verify"));

    CheckSummary withAbi = summary.withAbi(AbiSummary.from(3, Json.read("{\"verdict\":\"no change\",\"abiChanged\":false}"), null));
    assertThat(SummaryHtml.render(roundTrip(withAbi))).isEqualTo(SummaryHtml.render(withAbi)).contains("no ABI change since #3");
    options.baseline("/ws/askbuild-baseline");
    options.failOnAbiChange(true);
    assertThat(roundTrip(options).args("check")).isEqualTo(options.args("check"))
        .containsSubsequence("--baseline", "/ws/askbuild-baseline", "--fail-on-abi-change");
  }

  /** Defect 4: a blank form field is the engine's default, never 0, and stays off the command line. */
  @Test
  void blankFieldsAreLeftToTheEngine() {
    EngineOptions o = new EngineOptions("demo");
    for (Map.Entry<String, Object> blank : Map.<String, Object>of("epoch", "", "jobs", " ", "target", "").entrySet()) {
      switch (blank.getKey()) {
        case "epoch" -> o.epoch(blank.getValue());
        case "jobs" -> o.jobs(blank.getValue());
        default -> o.target(blank.getValue());
      }
    }
    o.packages("");
    o.privateFiles("");
    assertThat(o.epoch()).isNull();
    assertThat(o.jobs()).isNull();
    assertThat(o.privateFilesText()).isNull();
    assertThat(o.args("kernel")).containsExactly("kernel", "--board", "demo", "--out", "askbuild-out", "--json");
    o.jobs(4);
    o.epoch(0);
    assertThat(o.args("kernel")).containsSubsequence("--epoch", "0").containsSubsequence("--jobs", "4");
    // Without a baseline there is nothing to break: the engine would refuse the flag alone.
    o.failOnAbiChange(true);
    assertThat(o.args("check")).doesNotContain("--fail-on-abi-change", "--baseline");
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
