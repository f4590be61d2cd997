package dev.askbuild.sysroot;

/** How a vendored library is built. */
public enum BuildKind {
  /** {@code ./configure --host=TRIPLE --prefix=/usr}, make, make DESTDIR=SYSROOT install. */
  AUTOTOOLS,
  /** Plain make with CC and AR, then make DESTDIR=SYSROOT PREFIX=/usr install. */
  MAKE
}
