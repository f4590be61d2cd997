package dev.askbuild.job;

import dev.askbuild.core.AskBuildException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per output directory: two runs into one directory would delete each other's
 * logs and dist mid-stage. The lock is {@code state/askbuild.lock}, held (an OS file lock, so a
 * killed holder frees it) for the whole command and holding the holder's PID; a second run says
 * which process holds it and exits 2 at once, or waits for it with {@code --wait}.
 */
public final class OutDirLock implements AutoCloseable {
  static final String FILE = "askbuild.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private OutDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code out}, waiting for its holder when {@code wait}. */
  public static OutDirLock acquire(Path out, boolean wait) throws IOException {
    Path file = new Workspace(out.toAbsolutePath().normalize()).state().resolve(FILE);
    Files.createDirectories(file.getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = wait ? channel.lock() : channel.tryLock();
      if (lock == null) {
        throw held(file, holder(channel));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new OutDirLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw held(file, ProcessHandle.current().pid() + " (this one)");
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static AskBuildException held(Path file, String pid) {
    return AskBuildException.badInput("--out " + file.getParent().getParent() + " is in use by askbuild process "
        + pid + " (lock " + file + "); wait for it to end, give another --out, or add --wait");
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    channel.read(buffer, 0);
    String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    return pid.isEmpty() ? "(unknown PID)" : pid;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
