package dev.askbuild.jenkins.steps;

import dev.askbuild.jenkins.adapter.EngineJar;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The engine asked on the controller, for the job forms: the plugin's engine jar in a class loader
 * of its own (its libraries never join the plugin's class path), loaded on the first form check,
 * answering with {@code dev.askbuild.jenkins.plan.StagePlan}: the boards, and the engine's message
 * for a board, target, components and stages it would refuse.
 */
final class EngineCatalog {
  private static final String PLAN = "dev.askbuild.jenkins.plan.StagePlan";
  private static ClassLoader loader;

  private EngineCatalog() {}

  private static synchronized Class<?> plan() throws IOException, ClassNotFoundException {
    if (loader == null) {
      Path jar = Files.createTempFile("askbuild-engine-", ".jar");
      jar.toFile().deleteOnExit();
      try (InputStream in = EngineCatalog.class.getResourceAsStream(EngineJar.RESOURCE)) {
        if (in == null) {
          throw new IOException("the engine jar " + EngineJar.RESOURCE + " is missing from the plugin");
        }
        Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
      }
      loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
    return Class.forName(PLAN, true, loader);
  }

  @SuppressWarnings("unchecked")
  static List<String> boards() {
    try {
      return (List<String>) call("boards", new Class<?>[0]);
    } catch (Exception e) {
      return List.of();
    }
  }

  /** The engine's message for these values, or null when it takes them (or cannot be asked). */
  static String problem(String board, String target, String components, String stages) {
    try {
      return (String) call("problem", new Class<?>[] {String.class, String.class, String.class, String.class},
          board, target, components, stages);
    } catch (Exception e) {
      return null;
    }
  }

  private static Object call(String name, Class<?>[] types, Object... args) throws Exception {
    Method m = plan().getMethod(name, types);
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }
}
