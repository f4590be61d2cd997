package dev.askbuild.verify;

import dev.askbuild.core.AskBuildException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Checks a detached OpenPGP signature (armored or binary) over the checksum list against a public
 * keyring (armored or binary). Messages name key ids only: the key and signature files may be
 * credentials, and nothing of their contents is ever echoed.
 */
final class SignatureVerifier {

  SignatureCheck verify(Path signed, Path signatureFile, Path keyringFile) throws IOException {
    byte[] data = readInput(signed, "checksum list");
    PGPSignatureList signatures = readSignatures(signatureFile);
    PGPPublicKeyRingCollection keyring = readKeyring(keyringFile);

    AskBuildException firstFailure = null;
    for (PGPSignature signature : signatures) {
      try {
        return verifyOne(signature, data, keyring, signed, keyringFile);
      } catch (AskBuildException e) {
        if (firstFailure == null) {
          firstFailure = e;
        }
      }
    }
    throw firstFailure != null
        ? firstFailure
        : AskBuildException.badInput("signature file " + signatureFile + " holds no signature");
  }

  private static SignatureCheck verifyOne(
      PGPSignature signature,
      byte[] data,
      PGPPublicKeyRingCollection keyring,
      Path signed,
      Path keyringFile) {
    String keyId = keyId(signature.getKeyID());
    PGPPublicKey key = keyring.getPublicKey(signature.getKeyID());
    PGPPublicKeyRing ring = keyring.getPublicKeyRing(signature.getKeyID());
    if (key == null || ring == null) {
      throw AskBuildException.checkFailed(
          signed + " is signed by key " + keyId + ", which is not in keyring " + keyringFile);
    }
    PGPPublicKey primary = ring.getPublicKey();
    if (key.hasRevocation() || primary.hasRevocation()) {
      throw AskBuildException.checkFailed(
          signed + " is signed by key " + keyId + ", which is revoked in keyring " + keyringFile);
    }
    Date signedAt = signature.getCreationTime();
    Instant now = Instant.now();
    for (PGPPublicKey k : new PGPPublicKey[] {key, primary}) {
      Instant expiry = expiry(k);
      if (expiry != null && (expiry.isBefore(now) || expiry.isBefore(signedAt.toInstant()))) {
        throw AskBuildException.checkFailed(
            signed + " is signed by key " + keyId + ", which expired on " + expiry);
      }
    }
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), key);
      signature.update(signature.getSignatureType() == PGPSignature.CANONICAL_TEXT_DOCUMENT
          ? canonicalText(data) : data);
      if (!signature.verify()) {
        throw AskBuildException.checkFailed(
            "bad signature on " + signed + " by key " + keyId + ": the list was changed after signing"
                + " or the signature is not for this file");
      }
    } catch (PGPException e) {
      throw AskBuildException.checkFailed(
          "bad signature on " + signed + " by key " + keyId + ": " + e.getMessage());
    }
    return new SignatureCheck(keyId, firstUserId(primary));
  }

  private static Instant expiry(PGPPublicKey key) {
    long valid = key.getValidSeconds();
    return valid > 0 ? key.getCreationTime().toInstant().plusSeconds(valid) : null;
  }

  private static String firstUserId(PGPPublicKey primary) {
    Iterator<String> ids = primary.getUserIDs();
    return ids.hasNext() ? ids.next() : "";
  }

  private static String keyId(long id) {
    return String.format(Locale.ROOT, "%016X", id);
  }

  private static PGPSignatureList readSignatures(Path file) throws IOException {
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
      Object object = new BcPGPObjectFactory(in).nextObject();
      if (object instanceof PGPCompressedData compressed) {
        object = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
      }
      if (object instanceof PGPSignatureList list && !list.isEmpty()) {
        return list;
      }
      throw AskBuildException.badInput(
          "signature file " + file + " holds no detached OpenPGP signature");
    } catch (NoSuchFileException e) {
      throw AskBuildException.badInput("signature file " + file + " does not exist");
    } catch (PGPException | IOException | RuntimeException e) {
      if (e instanceof AskBuildException ab) {
        throw ab;
      }
      throw AskBuildException.badInput(
          "signature file " + file + " is not an OpenPGP signature (armored or binary)");
    }
  }

  private static PGPPublicKeyRingCollection readKeyring(Path file) throws IOException {
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
      PGPPublicKeyRingCollection collection =
          new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
      if (collection.size() == 0) {
        throw AskBuildException.badInput("keyring " + file + " holds no public key");
      }
      return collection;
    } catch (NoSuchFileException e) {
      throw AskBuildException.badInput("keyring " + file + " does not exist");
    } catch (PGPException | IOException | RuntimeException e) {
      if (e instanceof AskBuildException ab) {
        throw ab;
      }
      throw AskBuildException.badInput(
          "keyring " + file + " is not an OpenPGP public key file (armored or binary)");
    }
  }

  private static byte[] readInput(Path file, String what) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw AskBuildException.badInput(what + " " + file + " does not exist");
    }
  }

  /** Text signatures are made over CRLF line ends with trailing whitespace kept, per RFC 4880. */
  private static byte[] canonicalText(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
    for (int i = 0; i < data.length; i++) {
      byte b = data[i];
      if (b == '\n' && (i == 0 || data[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(b);
    }
    return out.toByteArray();
  }
}
