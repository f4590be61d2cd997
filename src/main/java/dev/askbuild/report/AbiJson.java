package dev.askbuild.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.askbuild.check.Artifact;
import dev.askbuild.check.ArtifactAbi;
import dev.askbuild.check.CheckReport;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code abi.json}: the machine-readable record of what every artifact offers and expects, the
 * input of {@code askbuild diff} (format {@value #FORMAT}). Every artifact has path, kind, size and
 * sha256; an ELF adds its section sizes and either {@code module} (exports and imports with CRCs,
 * vermagic, license, depends) or {@code elf} (soname, needed, dynamic exports, interpreter, rpath,
 * runpath). CRCs are {@code 0x%08x} strings, as Module.symvers writes them.
 */
final class AbiJson {
  static final String FORMAT = "askbuild-abi/1";

  private AbiJson() {}

  static String render(CheckReport report, String board) {
    StringWriter out = new StringWriter();
    Map<String, ArtifactAbi> abi = report.abi().stream().collect(Collectors.toMap(ArtifactAbi::path, Function.identity()));
    try (JsonGenerator g = ChecksJson.MAPPER.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("board", board);
      if (report.kernel().isPresent()) {
        g.writeObjectFieldStart("kernel");
        g.writeStringField("release", report.kernel().get().release());
        g.writeStringField("configSha256", report.kernel().get().configSha256());
        g.writeStringField("symversSha256", report.kernel().get().symversSha256());
        g.writeEndObject();
      }
      g.writeArrayFieldStart("artifacts");
      for (Artifact a : report.artifacts()) {
        artifact(g, a, abi.get(a.path()));
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string cannot fail", e);
    }
    return out + "\n";
  }

  private static void artifact(JsonGenerator g, Artifact a, ArtifactAbi abi) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", a.path());
    g.writeStringField("kind", a.kind());
    g.writeNumberField("size", a.size());
    g.writeStringField("sha256", a.sha256());
    if (abi != null) {
      g.writeObjectFieldStart("sections");
      for (Map.Entry<String, Long> s : abi.sections().entrySet()) {
        g.writeNumberField(s.getKey(), s.getValue());
      }
      g.writeEndObject();
      if (abi.isModule()) {
        g.writeObjectFieldStart("module");
        g.writeStringField("name", abi.module());
        g.writeStringField("vermagic", abi.vermagic());
        g.writeStringField("license", abi.license());
        strings(g, "depends", abi.depends());
        symbols(g, "exports", abi.exports(), true);
        symbols(g, "imports", abi.imports(), false);
        g.writeEndObject();
      } else {
        g.writeObjectFieldStart("elf");
        g.writeStringField("soname", abi.soname());
        strings(g, "needed", abi.needed());
        g.writeStringField("interpreter", abi.interpreter());
        g.writeStringField("rpath", abi.rpath());
        g.writeStringField("runpath", abi.runpath());
        strings(g, "exports", abi.exports().stream().map(ArtifactAbi.AbiSymbol::name).toList());
        g.writeEndObject();
      }
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** Symbols as objects of symbol and CRC (and "gpl" on exports). */
  private static void symbols(JsonGenerator g, String field, List<ArtifactAbi.AbiSymbol> symbols, boolean exports)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (ArtifactAbi.AbiSymbol s : symbols) {
      symbol(g, s, exports);
    }
    g.writeEndArray();
  }

  private static void symbol(JsonGenerator g, ArtifactAbi.AbiSymbol s, boolean exports) throws IOException {
    g.writeStartObject();
    g.writeStringField("symbol", s.name());
    g.writeStringField("crc", s.crcHex());
    if (exports) {
      g.writeBooleanField("gpl", s.gplOnly());
    }
    g.writeEndObject();
  }
}
