/**
 * The sysroot stage: Debian's cross {@code -dev} packages and the board's vendored libraries built
 * into a cached, reproducible target sysroot, built once per missing entry under the cache's lock
 * and checked against its manifest on every hit. Uses {@code core}, {@code board}, {@code extract},
 * {@code cache}.
 */
package dev.askbuild.sysroot;
