package dev.askbuild.jenkins.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .hpi} as maven-hpi-plugin lays it out ({@code HpiMojo}, {@code AbstractHpiMojo.buildWebapp}):
 * {@code META-INF/MANIFEST.MF} first, the plugin's own jar as {@code WEB-INF/lib/<artifactId>.jar}
 * (classes, resources, the forms, the extension index {@code META-INF/annotations/hudson.Extension}
 * that sezpoz writes while javac compiles the {@code @Extension}s and annotation-indexer's
 * {@code @Symbol} index), and each bundled non-Jenkins
 * library under {@code WEB-INF/lib/}. Plugins and Jenkins core's own libraries are not bundled.
 */
public final class HpiLayout {
  public static final String MANIFEST = "META-INF/MANIFEST.MF";
  public static final String LIB = "WEB-INF/lib/";
  public static final String EXTENSION_INDEX = "META-INF/annotations/hudson.Extension";
  /** annotation-indexer's list of {@code @Symbol}s (the builder's {@code askBuildAll}, the steps' names). */
  public static final String SYMBOL_INDEX = "META-INF/services/annotations/org.jenkinsci.Symbol";
  /** maven-hpi-plugin refuses a plugin jar without it: the plugin's description on the plugin page. */
  public static final String INDEX_JELLY = "index.jelly";
  /** Fixed entry time, so the same inputs give the same bytes. */
  static final FileTime EPOCH = FileTime.fromMillis(1714521600_000L);

  private HpiLayout() {}

  public static void write(Path hpi, HpiManifest manifest, Path pluginJar, List<Path> libraries) throws IOException {
    checkPluginJar(pluginJar);
    stampPluginJar(pluginJar, manifest);
    Path partial = hpi.resolveSibling(hpi.getFileName() + ".partial");
    try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
      put(zip, "META-INF/", null);
      put(zip, MANIFEST, manifest.bytes());
      put(zip, "WEB-INF/", null);
      put(zip, LIB, null);
      copy(zip, LIB + manifest.artifactId() + ".jar", pluginJar);
      TreeSet<String> names = new TreeSet<>();
      for (Path lib : libraries) {
        String name = lib.getFileName().toString();
        if (!names.add(name)) {
          throw new IllegalArgumentException("two bundled libraries are named " + name);
        }
        copy(zip, LIB + name, lib);
      }
    }
    Files.move(partial, hpi, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Puts the plugin manifest into the plugin jar too, as maven-hpi-plugin does: Jenkins' class
   * filter ({@code ClassFilterImpl}) accepts a plugin's classes for XStream and remoting only from
   * a jar whose manifest names the plugin, so without it no build or job holding one of our
   * classes can be saved. Rewritten in place, the manifest first, every other entry as it was.
   */
  public static void stampPluginJar(Path pluginJar, HpiManifest manifest) throws IOException {
    Path partial = pluginJar.resolveSibling(pluginJar.getFileName() + ".partial");
    try (ZipFile in = new ZipFile(pluginJar.toFile());
        OutputStream file = Files.newOutputStream(partial);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      put(zip, "META-INF/", null);
      put(zip, MANIFEST, manifest.bytes());
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        if (e.getName().equals(MANIFEST) || e.getName().equals("META-INF/")) {
          continue;
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setLastModifiedTime(EPOCH);
        zip.putNextEntry(copy);
        try (InputStream data = in.getInputStream(e)) {
          data.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    Files.move(partial, pluginJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Fails naming what is missing: a plugin jar without its extension index loads no step. */
  public static void checkPluginJar(Path pluginJar) throws IOException {
    try (JarFile jar = new JarFile(pluginJar.toFile())) {
      for (String required : List.of(EXTENSION_INDEX, SYMBOL_INDEX, INDEX_JELLY)) {
        if (jar.getEntry(required) == null) {
          throw new IllegalArgumentException(pluginJar + " lacks " + required);
        }
      }
    }
  }

  /** The entry names of an archive, in order. */
  public static List<String> entries(Path archive) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      zip.stream().forEach(e -> names.add(e.getName()));
    }
    return names;
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setLastModifiedTime(EPOCH);
    zip.putNextEntry(e);
    if (bytes != null) {
      zip.write(bytes);
    }
    zip.closeEntry();
  }

  private static void copy(ZipOutputStream zip, String name, Path file) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setLastModifiedTime(EPOCH);
    zip.putNextEntry(e);
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(zip);
    }
    zip.closeEntry();
  }
}
