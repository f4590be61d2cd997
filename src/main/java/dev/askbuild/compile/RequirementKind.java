package dev.askbuild.compile;

/**
 * What a component needs of the kernel tree: a file or directory, a config symbol set to y or m,
 * or a symbol exported in {@code Module.symvers}. Read from a plan's {@code requirements[].kind}.
 */
public enum RequirementKind {
  KERNEL_FILE("kernel-file"),
  KERNEL_CONFIG("kernel-config"),
  KERNEL_SYMBOL("kernel-symbol");

  private final String label;

  RequirementKind(String label) {
    this.label = label;
  }

  /** The name a plan writes: {@code kernel-file}, {@code kernel-config}, {@code kernel-symbol}. */
  public String label() {
    return label;
  }

  /** For messages: "kernel file", "kernel config", "kernel symbol". */
  public String describe() {
    return label.replace('-', ' ');
  }

  static java.util.Optional<RequirementKind> parse(String text) {
    for (RequirementKind k : values()) {
      if (k.label.equals(text)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
