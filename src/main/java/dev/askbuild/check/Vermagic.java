package dev.askbuild.check;

/** The vermagic string a kernel expects, as {@code include/linux/vermagic.h} assembles it. */
final class Vermagic {
  private Vermagic() {}

  static String expected(KernelTree kernel, CheckTarget target) {
    StringBuilder sb = new StringBuilder(kernel.release()).append(' ');
    if (kernel.enabled("SMP")) {
      sb.append("SMP ");
    }
    // Since 5.13 PREEMPT_BUILD (selected by PREEMPT and PREEMPT_DYNAMIC) decides; older trees lack it.
    boolean preemptBuild =
        kernel.config().mentions("CONFIG_PREEMPT_BUILD") ? kernel.enabled("PREEMPT_BUILD") : kernel.enabled("PREEMPT");
    if (preemptBuild) {
      sb.append("preempt ");
    } else if (kernel.enabled("PREEMPT_RT")) {
      sb.append("preempt_rt ");
    }
    if (kernel.enabled("MODULE_UNLOAD")) {
      sb.append("mod_unload ");
    }
    if (kernel.enabled("MODVERSIONS")) {
      sb.append("modversions ");
    }
    sb.append(target.vermagicArch());
    return sb.toString();
  }
}
