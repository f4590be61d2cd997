/**
 * The diff stage: what changed between two builds, from their {@code abi.json} (or {@code
 * checks.json}) and {@code provenance.json}. Per artifact: files added and removed; a module's
 * exports, CRCs, vermagic, license and dependencies; a userspace ELF's SONAME, NEEDED, dynamic
 * exports, interpreter and paths; sizes and section sizes. Each change is explained by the inputs
 * that moved where the provenance maps the artifact to its inputs. A removed export, a changed CRC
 * or SONAME is an ABI change; everything else is reported without failing.
 */
package dev.askbuild.diff;
