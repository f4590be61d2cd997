/**
 * The sysroot stage: Debian's cross {@code -dev} packages and the board's vendored libraries built
 * into a cached, reproducible target sysroot. Uses {@code core}, {@code board}, {@code extract}.
 */
package dev.askbuild.sysroot;
