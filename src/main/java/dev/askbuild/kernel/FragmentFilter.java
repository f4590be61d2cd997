package dev.askbuild.kernel;

import java.util.List;

/** A fragment split into the settings the tree declares and the symbols it does not. */
record FragmentFilter(List<FragmentEntry> kept, List<String> dropped) {
  FragmentFilter {
    kept = List.copyOf(kept);
    dropped = List.copyOf(dropped);
  }

  static FragmentFilter filter(ConfigFragment fragment, java.util.Set<String> declared) {
    List<FragmentEntry> kept = new java.util.ArrayList<>();
    List<String> dropped = new java.util.ArrayList<>();
    for (FragmentEntry e : fragment.entries()) {
      if (declared.contains(e.symbol())) {
        kept.add(e);
      } else {
        dropped.add(e.symbol());
      }
    }
    return new FragmentFilter(kept, dropped);
  }

  static FragmentFilter unfiltered(ConfigFragment fragment) {
    return new FragmentFilter(fragment.entries(), List.of());
  }
}
