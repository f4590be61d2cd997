package dev.askbuild.extract;

import dev.askbuild.core.Command;
import dev.askbuild.core.ExecutablePath;
import dev.askbuild.core.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How an archive's bytes are decoded: the host's decoder when it has one, else the Java one. */
final class StreamOpener {
  private final ProcessRunner runner;
  private final boolean hostDecoders;

  StreamOpener(ProcessRunner runner, boolean hostDecoders) {
    this.runner = runner;
    this.hostDecoders = hostDecoders;
  }

  ProcessRunner runner() {
    return runner;
  }

  /** The host's decoder for {@code format} when it has one on PATH and host decoders are on. */
  Optional<Command> hostDecoder(ArchiveFormat format, Path archive) {
    if (!hostDecoders) {
      return Optional.empty();
    }
    return format.hostDecoder().flatMap(argv -> ExecutablePath.find(ExecutablePath.current(), argv.get(0)).map(program -> {
      List<String> resolved = new ArrayList<>(argv);
      resolved.set(0, program.toString());
      return new Command(resolved, archive.toAbsolutePath().getParent(), Map.of());
    }));
  }

  /** What went wrong, for a user: decoders throw EOFException with no message at a cut-off stream. */
  static String reason(Exception e) {
    boolean noMessage = e.getMessage() == null || e.getMessage().isBlank();
    if (e instanceof java.io.EOFException) {
      return "the stream ends early (the file is cut off)" + (noMessage ? "" : ": " + e.getMessage());
    }
    return noMessage ? "unreadable data (" + e.getClass().getSimpleName() + ")" : e.getMessage();
  }
}
