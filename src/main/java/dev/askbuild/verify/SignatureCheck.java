package dev.askbuild.verify;

import java.io.Serializable;

/**
 * A good signature on the checksum list: which key made it. Never carries the key or signature
 * bytes, so it can be logged and serialized freely.
 */
public record SignatureCheck(String keyId, String userId) implements Serializable {
  private static final long serialVersionUID = 1L;
}
