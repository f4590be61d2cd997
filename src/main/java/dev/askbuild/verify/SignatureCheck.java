package dev.askbuild.verify;

/**
 * A good signature on the checksum list: which key made it. Never carries the key or signature
 * bytes, so it can be logged and serialized freely.
 */
public record SignatureCheck(String keyId, String userId) {}
