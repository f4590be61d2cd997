package dev.askbuild.verify;

import java.util.List;
import java.util.Optional;

/**
 * Everything verification found: one verdict per listed file (in list order) followed by the
 * unlisted files (sorted), and the signature check when the list was signed.
 */
public record VerifyReport(
    String sums, List<FileVerdict> verdicts, Optional<SignatureCheck> signature, boolean strict) {
  public VerifyReport {
    verdicts = List.copyOf(verdicts);
  }

  public boolean passed() {
    return verdicts.stream().noneMatch(this::isFailure);
  }

  public boolean isFailure(FileVerdict v) {
    return switch (v.status()) {
      case OK -> false;
      case UNLISTED -> strict;
      case MISMATCH, MISSING -> true;
    };
  }

  public long count(Status status) {
    return verdicts.stream().filter(v -> v.status() == status).count();
  }
}
