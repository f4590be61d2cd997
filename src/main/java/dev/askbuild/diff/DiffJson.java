package dev.askbuild.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;

/** The diff as JSON ({@code askbuild diff --json}, {@code reports/abi-diff.json}). */
public final class DiffJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DiffJson() {}

  public static String render(AbiDiff diff) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("baseline", diff.baseline());
      g.writeStringField("current", diff.current());
      g.writeStringField("verdict", diff.verdict());
      g.writeBooleanField("abiChanged", diff.abiChanged());
      g.writeBooleanField("abiCompared", diff.abiCompared());
      g.writeObjectFieldStart("kernel");
      g.writeStringField("baseline", diff.baselineKernel());
      g.writeStringField("current", diff.currentKernel());
      g.writeEndObject();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("baselineArtifacts", diff.baselineArtifacts());
      g.writeNumberField("currentArtifacts", diff.currentArtifacts());
      g.writeNumberField("changes", diff.changes().size());
      g.writeNumberField("breaking", diff.breaks().size());
      g.writeNumberField("inputsMoved", diff.inputs().size());
      g.writeEndObject();
      g.writeArrayFieldStart("inputs");
      for (InputChange i : diff.inputs()) {
        g.writeStartObject();
        g.writeStringField("name", i.name());
        g.writeStringField("before", i.before());
        g.writeStringField("after", i.after());
        g.writeStringField("origin", i.origin());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("changes");
      for (Change c : diff.changes()) {
        change(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string cannot fail", e);
    }
    return out + "\n";
  }

  private static void change(JsonGenerator g, Change c) throws IOException {
    g.writeStartObject();
    g.writeStringField("artifact", c.artifact());
    g.writeStringField("module", c.module());
    g.writeStringField("aspect", c.aspect());
    g.writeStringField("subject", c.subject());
    g.writeStringField("before", c.before());
    g.writeStringField("after", c.after());
    g.writeBooleanField("breaking", c.breaking());
    g.writeArrayFieldStart("causes");
    for (String cause : c.causes()) {
      g.writeString(cause);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
