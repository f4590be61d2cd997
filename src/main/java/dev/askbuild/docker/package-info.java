/**
 * Docker mode: the same engine stages run as BuildKit build stages (one per {@link
 * dev.askbuild.job.Stage}), the context staged, the build log read back. Uses {@code core} and
 * {@code job}; never the front ends.
 */
package dev.askbuild.docker;
