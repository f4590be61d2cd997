package dev.askbuild.cli;

import dev.askbuild.compile.CompileRequest;
import dev.askbuild.compile.Target;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A front end as the architecture rule must refuse it: it makes a stage's request itself. */
final class FrontEndMakingARequest {
  private FrontEndMakingARequest() {}

  static CompileRequest request() {
    return new CompileRequest(null, Map.of(), Optional.empty(), null, null, null, "", 0L, null, Target.DIST, Set.of(), 1);
  }
}
