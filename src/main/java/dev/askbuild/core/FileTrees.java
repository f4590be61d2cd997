package dev.askbuild.core;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** Directory-tree helpers that never follow symbolic links out of the tree they work on. */
public final class FileTrees {
  /** Longer than any build: a staging directory this old belongs to a run that was killed. */
  public static final Duration ABANDONED_AFTER = Duration.ofDays(1);

  private FileTrees() {}

  /**
   * Deletes a tree; links are removed, never followed. A missing path is not an error, nor is a
   * part of the tree that another remover takes away meanwhile: a signal's shutdown guard removes a
   * staging tree while the stage's own cleanup may be removing it too, and both must end with the
   * tree gone.
   */
  public static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            // A read-only directory from an archive must still be emptied.
            try {
              makeOwnerWritable(dir);
            } catch (NoSuchFileException gone) {
              return FileVisitResult.SKIP_SUBTREE; // removed meanwhile by another remover
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
            if (exc instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw exc;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null && !(exc instanceof NoSuchFileException)) {
              throw exc;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Best-effort variant for cleanup paths where a first error must not be masked. */
  public static void deleteQuietly(Path root) {
    try {
      deleteRecursively(root);
    } catch (IOException | RuntimeException ignored) {
      // The caller is already failing for a better reason.
    }
  }

  /**
   * Deletes the staging siblings of {@code target} that a killed run left behind (never trusted, but
   * a kernel tree is gigabytes). Only those untouched for longer than {@code age}: one that is
   * younger may be another run's build in progress. Returns how many were removed.
   */
  public static int removeAbandonedStaging(Path target, Duration age) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return 0;
    }
    String prefix = "." + absolute.getFileName() + ".partial-";
    Instant cutoff = Instant.now().minus(age);
    int removed = 0;
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
          deleteRecursively(p);
          removed++;
        }
      }
    }
    return removed;
  }

  /**
   * A fresh, not yet existing sibling of {@code target} to build into before an atomic publish. It
   * sits in the same directory so that the final rename never crosses a file system.
   */
  public static Path stagingSibling(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    String name = absolute.getFileName().toString();
    Path staging = absolute.resolveSibling("." + name + ".partial-" + UUID.randomUUID());
    // A run stopped by a signal removes it (see ShutdownGuard); only SIGKILL leaves one behind.
    ShutdownGuard.trackStaging(staging);
    return staging;
  }

  /**
   * Moves a finished staging directory to {@code target} in one rename, so a reader sees either
   * nothing or the whole tree.
   */
  public static void publish(Path staging, Path target) throws IOException {
    Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void makeOwnerWritable(Path dir) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
    if (!perms.contains(PosixFilePermission.OWNER_WRITE)
        || !perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
      perms.add(PosixFilePermission.OWNER_WRITE);
      perms.add(PosixFilePermission.OWNER_EXECUTE);
      perms.add(PosixFilePermission.OWNER_READ);
      Files.setPosixFilePermissions(dir, perms);
    }
  }
}
