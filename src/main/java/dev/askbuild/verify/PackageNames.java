package dev.askbuild.verify;

import dev.askbuild.core.AskBuildException;

/** Rules for names that must stay inside the packages directory. */
final class PackageNames {
  private PackageNames() {}

  /** Fails with exit 2 when {@code name} is absolute, empty or climbs with {@code ..}. */
  static void requireInside(String name, String where) {
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0) {
      throw AskBuildException.badInput(where + ": " + quoted(name) + " leaves the packages directory");
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw AskBuildException.badInput(
            where + ": " + quoted(name) + " leaves the packages directory");
      }
    }
  }

  private static String quoted(String name) {
    return "'" + name + "'";
  }
}
