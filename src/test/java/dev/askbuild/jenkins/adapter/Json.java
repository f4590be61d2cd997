package dev.askbuild.jenkins.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** JSON text as the maps and lists the adapter takes (json-lib's in Jenkins), null when it is none. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static Map<?, ?> read(String text) {
    int start = text.indexOf('{');
    if (start < 0) {
      return null;
    }
    try {
      return MAPPER.readValue(text.substring(start), Map.class);
    } catch (IOException e) {
      return null;
    }
  }
}
