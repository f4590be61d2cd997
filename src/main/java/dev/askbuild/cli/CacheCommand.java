package dev.askbuild.cli;

import dev.askbuild.cache.CacheEntry;
import dev.askbuild.cache.CacheStore;
import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = {
      "The stage cache's entries (prepared kernel trees, sysroots): list them, check them against their"
          + " manifests, prune to a size, and carry one to another cache (another Jenkins agent) as a tar file.",
      "Exit 1 when an entry or an import does not match its manifest; 2 on bad input."
    },
    subcommands = {
      CacheCommand.ListCommand.class,
      CacheCommand.VerifyEntries.class,
      CacheCommand.PruneCommand.class,
      CacheCommand.ExportCommand.class,
      CacheCommand.ImportCommand.class
    })
final class CacheCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--cache", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Cache directory (default: $ASKBUILD_CACHE or ~/.cache/askbuild).")
  Path cache;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: list, verify, prune, export or import");
  }

  CacheStore store() {
    return new CacheStore(CacheDirs.resolve(cache));
  }

  static String row(CacheEntry e) {
    return String.format(java.util.Locale.ROOT, "%-8s %-26s %12s  %s  %s", e.kind(), e.id(), CacheStore.human(e.bytes()),
        Instant.ofEpochMilli(e.lastUsedMillis()).toString().substring(0, 19) + "Z", e.manifest() ? "manifest" : "no manifest");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Each entry: kind, id, size, last used, whether it has a manifest.")
  static final class ListCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand CacheCommand parent;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = parent.spec.commandLine().getOut();
      for (CacheEntry e : parent.store().list()) {
        out.println(row(e));
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Hash every file of every entry (or of KEY) against its manifest; exit 1 naming what changed.")
  static final class VerifyEntries implements java.util.concurrent.Callable<Integer> {
    @ParentCommand CacheCommand parent;

    @Parameters(arity = "0..1", paramLabel = "KEY") String key;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = parent.spec.commandLine().getOut();
      CacheStore store = parent.store();
      List<CacheEntry> entries = key == null ? store.list() : List.of(store.find(key));
      int bad = 0;
      for (CacheEntry e : entries) {
        List<String> problems = store.verify(e);
        out.println((problems.isEmpty() ? "ok      " : "CHANGED ") + e.relative()
            + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        bad += problems.isEmpty() ? 0 : 1;
      }
      out.flush();
      if (bad > 0) {
        throw AskBuildException.checkFailed(bad + " cache entr" + (bad == 1 ? "y" : "ies")
            + " changed after publishing; a build will rebuild them");
      }
      return 0;
    }
  }

  @Command(name = "prune", mixinStandardHelpOptions = true,
      description = "Delete the least recently used entries until the entries fit in SIZE (never one used in the"
          + " last ten minutes). The compiler cache keeps its own bound (5G, ccache's max_size).")
  static final class PruneCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand CacheCommand parent;

    @Option(names = "--max-size", paramLabel = "SIZE", required = true, description = "e.g. 20G, 500M.")
    String maxSize;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = parent.spec.commandLine().getOut();
      for (CacheEntry e : parent.store().prune(CacheStore.parseSize(maxSize))) {
        out.println("deleted " + e.relative() + " (" + CacheStore.human(e.bytes()) + ")");
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write entry KEY (an id or its first characters) with its manifest to FILE, a plain tar.")
  static final class ExportCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand CacheCommand parent;

    @Parameters(index = "0", paramLabel = "KEY") String key;

    @Parameters(index = "1", paramLabel = "FILE") Path file;

    @Override
    public Integer call() throws IOException {
      CacheStore store = parent.store();
      CacheEntry e = store.find(key);
      store.export(e, file);
      PrintWriter out = parent.spec.commandLine().getOut();
      out.println("exported " + e.relative() + " (" + CacheStore.human(e.bytes()) + ") to " + file);
      out.flush();
      return 0;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Publish the entry an export wrote to FILE, once every file matches its manifest (else exit 1,"
          + " nothing published).")
  static final class ImportCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand CacheCommand parent;

    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Override
    public Integer call() throws IOException {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw AskBuildException.badInput("import: " + file + " does not exist");
      }
      CacheStore.Imported imported = parent.store().importFrom(file);
      PrintWriter out = parent.spec.commandLine().getOut();
      out.println((imported.alreadyPresent() ? "already present: " : "imported ") + imported.entry().relative()
          + " into " + parent.store().root());
      out.flush();
      return 0;
    }
  }
}
