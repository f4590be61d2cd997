package dev.askbuild.kernel;

import java.util.List;

/** A fragment split into the settings the tree declares and the symbols it does not. */
record FilterResult(List<FragmentEntry> kept, List<String> dropped) {
  FilterResult {
    kept = List.copyOf(kept);
    dropped = List.copyOf(dropped);
  }

  static FilterResult filter(ConfigFragment fragment, java.util.Set<String> declared) {
    List<FragmentEntry> kept = new java.util.ArrayList<>();
    List<String> dropped = new java.util.ArrayList<>();
    for (FragmentEntry e : fragment.entries()) {
      if (declared.contains(e.symbol())) {
        kept.add(e);
      } else {
        dropped.add(e.symbol());
      }
    }
    return new FilterResult(kept, dropped);
  }

  static FilterResult unfiltered(ConfigFragment fragment) {
    return new FilterResult(fragment.entries(), List.of());
  }
}
