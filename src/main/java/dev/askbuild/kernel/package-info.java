/**
 * The kernel stage: a verified kernel tarball patched, configured (base config plus the board's
 * fragment) and built into a cached tree with {@code Module.symvers}; and the survey of the patched
 * source at verify. Uses {@code core}, {@code extract}.
 */
package dev.askbuild.kernel;
