package dev.askbuild.jenkins.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the {@code .hpi} from the {@code jenkins} profile (run by maven-antrun-plugin's
 * {@code <java>} task after the plugin jar and the bundled libraries are in place):
 * {@code --hpi F --plugin-jar F --libs DIR --group G --artifact A --name N --version V
 * [--snapshot-description D] --jenkins V [--url U] [--scm-url U] [--license-name N --license-url U]
 * --dependency name:version[:optional]...}. Prints the manifest it wrote.
 */
public final class HpiTool {
  private HpiTool() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> single = new HashMap<>();
    List<PluginDependency> deps = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--dependency")) {
        String[] parts = args[i + 1].split(":");
        if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("optional"))) {
          throw new IllegalArgumentException("--dependency wants name:version[:optional], got " + args[i + 1]);
        }
        deps.add(new PluginDependency(parts[0], parts[1], parts.length == 3));
      } else {
        single.put(args[i], args[i + 1]);
      }
    }
    HpiManifest manifest = new HpiManifest(required(single, "--group"), required(single, "--artifact"),
        required(single, "--name"), required(single, "--version"), single.get("--snapshot-description"),
        required(single, "--jenkins"), single.get("--url"), deps, null, single.get("--license-name"),
        single.get("--license-url"), single.get("--scm-url"));
    List<Path> libs = new ArrayList<>();
    Path libDir = Path.of(required(single, "--libs"));
    if (Files.isDirectory(libDir)) {
      try (Stream<Path> files = Files.list(libDir)) {
        files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(libs::add);
      }
    }
    Path hpi = Path.of(required(single, "--hpi"));
    HpiLayout.write(hpi, manifest, Path.of(required(single, "--plugin-jar")), libs);
    System.out.print(manifest.text());
    System.out.println("wrote " + hpi + " with " + libs.size() + " bundled libraries");
  }

  private static String required(Map<String, String> args, String name) {
    String value = args.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("HpiTool: " + name + " is required");
    }
    return value;
  }
}
