/**
 * The verify stage: every tarball a run reads against {@code SHA256SUMS}, the board's pins and an
 * optional signature, in parallel, all failures listed. Uses {@code core} only (the pins come in the request).
 */
package dev.askbuild.verify;
