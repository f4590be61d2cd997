package dev.askbuild.kernel;

import java.util.Set;

/**
 * The symbols a C source exports to modules: the first argument of {@code EXPORT_SYMBOL}, {@code
 * EXPORT_SYMBOL_GPL}, {@code EXPORT_SYMBOL_NS}, {@code EXPORT_SYMBOL_NS_GPL} and {@code
 * EXPORT_SYMBOL_GPL_FOR_MODULES}. Matched by hand, since every source of the tree passes through here.
 */
final class ExportScanner {
  private static final String MARK = "EXPORT_SYMBOL";

  private ExportScanner() {}

  static void exportsIn(String text, Set<String> into) {
    int at = text.indexOf(MARK);
    while (at >= 0) {
      int i = at + MARK.length();
      // The macro's own name may go on (_GPL, _NS_GPL, ...), then comes its argument list.
      while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
        i++;
      }
      boolean wordStart = at == 0 || !(Character.isLetterOrDigit(text.charAt(at - 1)) || text.charAt(at - 1) == '_');
      if (wordStart && i < text.length() && text.charAt(i) == '(') {
        int start = i + 1;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        int stop = start;
        while (stop < text.length() && (Character.isLetterOrDigit(text.charAt(stop)) || text.charAt(stop) == '_')) {
          stop++;
        }
        if (stop > start) {
          into.add(text.substring(start, stop));
        }
      }
      at = text.indexOf(MARK, i);
    }
  }
}
