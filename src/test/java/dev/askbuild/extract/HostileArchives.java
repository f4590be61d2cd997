package dev.askbuild.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Crafts tar archives entry by entry, including ones no honest tool would write. */
final class HostileArchives {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  HostileArchives() {
    tar = new TarArchiveOutputStream(bytes, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  HostileArchives file(String name, String content) throws IOException {
    return file(name, content, 0644);
  }

  HostileArchives file(String name, String content, int mode) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(data.length);
    e.setMode(0100000 | mode);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
    return this;
  }

  HostileArchives dir(String name) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
    e.setMode(040755);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
    return this;
  }

  HostileArchives symlink(String name, String target) throws IOException {
    return link(name, target, TarConstants.LF_SYMLINK);
  }

  HostileArchives hardlink(String name, String target) throws IOException {
    return link(name, target, TarConstants.LF_LINK);
  }

  HostileArchives special(String name, byte type) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
    return this;
  }

  private HostileArchives link(String name, String target, byte type) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setLinkName(target);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
    return this;
  }

  byte[] bytes() throws IOException {
    tar.finish();
    tar.close();
    return bytes.toByteArray();
  }

  Path writeTo(Path file) throws IOException {
    Files.write(file, bytes());
    return file;
  }

  static void copy(byte[] data, OutputStream out) throws IOException {
    out.write(data);
  }
}
