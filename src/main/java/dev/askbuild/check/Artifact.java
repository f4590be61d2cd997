package dev.askbuild.check;

import java.io.Serializable;

/** A file under dist: its path relative to dist (with '/'), size, SHA-256 and kind. */
public record Artifact(String path, long size, String sha256, String kind) implements Serializable {}
