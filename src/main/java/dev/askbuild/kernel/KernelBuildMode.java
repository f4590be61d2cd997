package dev.askbuild.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How far the kernel stage took the tree: a full {@code Image modules} build (for {@code
 * Module.symvers} under {@code CONFIG_MODVERSIONS=y}), {@code modules_prepare}, or a verified
 * {@code .config} only. Written as its label in {@code kernel-manifest.json}.
 */
public enum KernelBuildMode {
  FULL("full"),
  PREPARE("prepare"),
  CONFIG_ONLY("config-only");

  private final String label;

  KernelBuildMode(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static KernelBuildMode parse(String text) {
    for (KernelBuildMode m : values()) {
      if (m.label.equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown kernel build mode '" + text + "' (full, prepare, config-only)");
  }
}
