/**
 * The check stage: every artifact in {@code dist/} read as ELF (or not) and checked against the
 * board's target: machine, loader, libraries resolved in the sysroot, module vermagic and symbol
 * versions against the kernel tree. Uses {@code core} only; a new check goes in {@code BinaryChecks},
 * {@code ModuleChecks} or {@code NonElfChecks}.
 */
package dev.askbuild.check;
