package dev.askbuild.extract;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Command;
import dev.askbuild.core.ExecutablePath;
import dev.askbuild.core.ProcessRunner;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way an archive is opened for reading, by the scanner and the extractor alike: its format
 * detected from its first bytes, then decoded by the host's decoder when it has one, else by the
 * Java one.
 */
final class StreamOpener {
  private static final int BUFFER = 64 * 1024;

  private final ProcessRunner runner;
  private final boolean hostDecoders;

  StreamOpener(ProcessRunner runner, boolean hostDecoders) {
    this.runner = runner;
    this.hostDecoders = hostDecoders;
  }

  /**
   * An opened archive: its format, which decoder reads it ("host xz", "built-in"), and the decoded
   * tar bytes. Closing it stops a host decoder that still has the rest of the archive.
   */
  record Opened(ArchiveFormat format, String decoder, InputStream decoded, InputStream raw) implements Closeable {
    @Override
    public void close() throws IOException {
      try {
        decoded.close();
      } finally {
        raw.close();
      }
    }
  }

  /** Opens {@code archive}; a built-in decoder that cannot read the header is exit 2 naming it. */
  Opened open(Path archive) throws IOException {
    BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(archive), BUFFER);
    try {
      ArchiveFormat format = ArchiveFormat.detect(raw, archive);
      Optional<Command> host = hostDecoder(format, archive);
      InputStream decoded = host.isPresent() ? runner.pipe(host.get(), archive) : decompress(format, raw, archive);
      return new Opened(format, host.map(c -> "host " + c.argv().get(0)).orElse("built-in"), decoded, raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static InputStream decompress(ArchiveFormat format, InputStream raw, Path archive) {
    try {
      return format.open(raw);
    } catch (IOException | RuntimeException e) {
      throw AskBuildException.badInput(
          archive + " is corrupt: its " + format + " header is unreadable: " + reason(e), e);
    }
  }

  /** The host's decoder for {@code format} when it has one on PATH and host decoders are on. */
  private Optional<Command> hostDecoder(ArchiveFormat format, Path archive) {
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
