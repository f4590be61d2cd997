/**
 * The compile stage: ASK's components built offline by the board's compile plan (data), against
 * the sysroot and, for modules, the kernel tree, staged into {@code dist/}; and the one evaluator of
 * the components' kernel requirements ({@link dev.askbuild.compile.KernelRequirements}). Uses
 * {@code core}, {@code board}, {@code extract}, {@code kernel}.
 */
package dev.askbuild.compile;
