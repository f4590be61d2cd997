package dev.askbuild.kernel;

import dev.askbuild.core.Sha256;

/**
 * The cache key of a prepared tree: a hash over every input that can change it. The text it is made
 * from is kept beside the entry so a surprising miss can be explained by a diff.
 */
record CacheKey(String text) {
  static CacheKey of(KernelRequest request, String tarballSha256, String toolchainVersion) {
    String text =
        "askbuild kernel cache v1\n"
            + "tarball "
            + tarballSha256
            + "\npatches\n"
            + request.patches().identity()
            + "fragment "
            + Sha256.ofString(request.fragment().text())
            + "\nbase-config "
            + request.baseConfig().identity()
            + "\ntoolchain "
            + toolchainVersion
            + "\narch "
            + request.toolchain().arch()
            + "\ncross-compile "
            + request.toolchain().crossCompile()
            + "\nfilter "
            + request.filter()
            + "\nfull-build "
            + request.fullBuild()
            + "\nconfig-only "
            + request.configOnly()
            + "\nepoch "
            + (request.epoch().isPresent() ? Long.toString(request.epoch().getAsLong()) : "tarball")
            + "\n";
    return new CacheKey(text);
  }

  /** Short enough for a directory name, long enough never to collide in practice. */
  String id() {
    return Sha256.ofString(text).substring(0, 24);
  }
}
