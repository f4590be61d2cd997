package dev.askbuild.verify;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.TrustedFile;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything verification found: one verdict per file checked (in list order, then pinned files the
 * list lacks) followed by the unlisted files (sorted), the signature check when the list was signed
 * (null otherwise), and the messages a front end shows.
 */
public record VerifyReport(String sums, List<FileVerdict> verdicts, SignatureCheck signature, boolean strict,
    List<String> messages) implements Serializable {
  private static final long serialVersionUID = 1L;

  public VerifyReport {
    verdicts = List.copyOf(verdicts);
    messages = List.copyOf(messages);
  }

  public Optional<SignatureCheck> signatureCheck() {
    return Optional.ofNullable(signature);
  }

  public boolean passed() {
    return verdicts.stream().noneMatch(this::isFailure);
  }

  public boolean isFailure(FileVerdict v) {
    return switch (v.status()) {
      case OK -> false;
      case UNLISTED -> strict;
      case MISMATCH, MISSING, LIST_CONFLICT, UNPINNED -> true;
    };
  }

  public List<FileVerdict> failures() {
    return verdicts.stream().filter(this::isFailure).toList();
  }

  public long count(Status status) {
    return verdicts.stream().filter(v -> v.status() == status).count();
  }

  /** The proven files, by name: what later stages read instead of hashing again. */
  public Map<String, TrustedFile> trusted() {
    Map<String, TrustedFile> files = new TreeMap<>();
    for (FileVerdict v : verdicts) {
      if (v.status() == Status.OK && v.trusted() != null) {
        files.put(v.file(), v.trusted());
      }
    }
    return files;
  }

  /** The proven file of that name; exit 1 when verification did not prove it. */
  public TrustedFile require(String name) {
    TrustedFile file = trusted().get(name);
    if (file == null) {
      throw AskBuildException.checkFailed(name + " was not proven by verification (see logs/verify.log)");
    }
    return file;
  }
}
