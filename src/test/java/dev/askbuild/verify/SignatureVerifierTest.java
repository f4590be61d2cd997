package dev.askbuild.verify;

import dev.askbuild.core.Progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.ExitCode;
import dev.askbuild.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed checksum lists, with real keys and signatures made by GnuPG. */
class SignatureVerifierTest {
  @TempDir Path packages;
  Path home;

  @BeforeEach
  void setUp() throws Exception {
    // gpg-agent's socket path must be short, so not under the deep @TempDir.
    home = Files.createTempDirectory(Path.of("/tmp"), "gpg");
    Files.writeString(packages.resolve("a.tar.gz"), "alpha");
    Files.writeString(packages.resolve("SHA256SUMS"), Sha256.ofString("alpha") + "  a.tar.gz\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    run(List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"));
    dev.askbuild.core.FileTrees.deleteQuietly(home);
  }

  private String gpg(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
        "--yes", "--pinentry-mode", "loopback", "--passphrase", ""));
    argv.addAll(List.of(args));
    return run(argv);
  }

  private static String run(List<String> argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", argv) + "\n" + out).isZero();
    return out;
  }

  /** Makes a signing key and returns its long key id. */
  private String newKey(String uid, String... timeArgs) throws Exception {
    List<String> args = new ArrayList<>(List.of(timeArgs));
    args.addAll(List.of("--quick-gen-key", uid, "ed25519", "sign", timeArgs.length > 0 ? "1d" : "never"));
    gpg(args.toArray(String[]::new));
    String listing = gpg("--with-colons", "--list-keys", uid);
    for (String line : listing.split("\n")) {
      if (line.startsWith("pub:")) {
        return line.split(":")[4];
      }
    }
    throw new AssertionError("no key made: " + listing);
  }

  private Path exportKey(String keyId, String name, boolean armor) throws Exception {
    Path file = home.getParent().resolve(home.getFileName() + "-" + name);
    List<String> args = new ArrayList<>();
    if (armor) {
      args.add("--armor");
    }
    args.addAll(List.of("--output", file.toString(), "--export", keyId));
    gpg(args.toArray(String[]::new));
    return file;
  }

  private Path sign(String keyId, boolean armor, String... timeArgs) throws Exception {
    Path sig = packages.resolve(armor ? "SHA256SUMS.asc" : "SHA256SUMS.sig");
    List<String> args = new ArrayList<>(List.of(timeArgs));
    if (armor) {
      args.add("--armor");
    }
    args.addAll(List.of("--local-user", keyId, "--output", sig.toString(), "--detach-sign",
        packages.resolve("SHA256SUMS").toString()));
    gpg(args.toArray(String[]::new));
    return sig;
  }

  private VerifyReport verify(Path sig, Path keyring) throws IOException {
    return new PackageVerifier(Progress.SILENT).run(new VerifyRequest(packages, packages.resolve("SHA256SUMS"),
        Optional.of(sig), Optional.of(keyring), true, 1, Set.of()));
  }

  @Test
  void goodArmoredAndBinarySignatures() throws Exception {
    String key = newKey("Release <release@example.org>");
    Path armoredKey = exportKey(key, "pub.asc", true);
    Path binaryKey = exportKey(key, "pub.gpg", false);

    VerifyReport armored = verify(sign(key, true), binaryKey);
    VerifyReport binary = verify(sign(key, false), armoredKey);

    assertThat(armored.passed()).isTrue();
    assertThat(armored.signatureCheck()).hasValueSatisfying(s -> assertThat(s.keyId()).isEqualTo(key));
    assertThat(binary.signatureCheck()).isPresent();
    // The signature files beside the list are not counted as unlisted packages.
    assertThat(armored.count(Status.UNLISTED)).isZero();
  }

  @Test
  void tamperedListIsABadSignatureNamingTheKey() throws Exception {
    String key = newKey("Release <release@example.org>");
    Path sig = sign(key, true);
    Files.writeString(packages.resolve("SHA256SUMS"), "0".repeat(64) + "  a.tar.gz\n");

    assertFailsNaming(sig, exportKey(key, "pub.asc", true), key, "bad signature");
  }

  @Test
  void keyNotInKeyring() throws Exception {
    String signer = newKey("Someone <someone@example.org>");
    String trusted = newKey("Release <release@example.org>");
    Path sig = sign(signer, false);

    assertFailsNaming(sig, exportKey(trusted, "pub.asc", true), signer, "not in keyring");
  }

  @Test
  void expiredKey() throws Exception {
    String key = newKey("Old <old@example.org>", "--faked-system-time", "20200101T000000");
    Path sig = sign(key, true, "--faked-system-time", "20200101T010000");

    assertFailsNaming(sig, exportKey(key, "pub.asc", true), key, "expired");
  }

  @Test
  void revokedKey() throws Exception {
    String key = newKey("Gone <gone@example.org>");
    Path sig = sign(key, true);
    // GnuPG writes a revocation certificate at key creation, guarded by a leading colon.
    Path revs = home.resolve("openpgp-revocs.d");
    Path cert;
    try (var list = Files.list(revs)) {
      cert = list.findFirst().orElseThrow();
    }
    String text = Files.readString(cert).replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----",
        "-----BEGIN PGP PUBLIC KEY BLOCK-----");
    Path fixed = Files.writeString(home.resolve("rev.asc"), text);
    gpg("--import", fixed.toString());

    assertFailsNaming(sig, exportKey(key, "pub.asc", true), key, "revoked");
  }

  @Test
  void garbageSignatureIsBadInput() throws Exception {
    String key = newKey("Release <release@example.org>");
    Path sig = Files.writeString(packages.resolve("SHA256SUMS.asc"), "not a signature");

    assertThatThrownBy(() -> verify(sig, exportKey(key, "pub.asc", true)))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining("SHA256SUMS.asc")
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
  }

  private void assertFailsNaming(Path sig, Path keyring, String keyId, String why) {
    assertThatThrownBy(() -> verify(sig, keyring))
        .isInstanceOf(AskBuildException.class)
        .hasMessageContaining(keyId)
        .hasMessageContaining(why)
        .extracting(e -> ((AskBuildException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
  }
}
