package dev.askbuild.check;

import java.util.List;
import java.util.Optional;

/**
 * What the dynamic section says about loading: needed libraries, search paths, flags. Parsed data
 * inside the check, not a result: it does not travel to other processes.
 */
public record DynamicInfo(
    List<String> needed,
    Optional<String> soname,
    Optional<String> rpath,
    Optional<String> runpath,
    long flags,
    long flags1,
    boolean textrelTag,
    boolean bindNowTag) {
  public static final DynamicInfo NONE =
      new DynamicInfo(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, false, false);

  public DynamicInfo {
    needed = List.copyOf(needed);
  }

  public boolean textrel() {
    return textrelTag || (flags & Elf.DF_TEXTREL) != 0;
  }

  public boolean bindNow() {
    return bindNowTag || (flags & Elf.DF_BIND_NOW) != 0 || (flags1 & Elf.DF_1_NOW) != 0;
  }
}
