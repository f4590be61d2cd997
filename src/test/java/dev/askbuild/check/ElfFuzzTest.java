package dev.askbuild.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.askbuild.core.AskBuildException;
import dev.askbuild.core.Progress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of real ELF files (cross-built binaries and Debian modules): each must end in a
 * parsed file or an {@link AskBuildException} naming it. Each mutant has a generous hang guard (a
 * reader that loops on a hostile count never returns); how fast the reader is, is not claimed here.
 */
class ElfFuzzTest {
  private static final long SEED = 0x5eed_a5cL;
  private static final int MUTATIONS = 3000;
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final long[] EXTREMES = {0, 1, 0x7f, 0xff, 0xffff, 0x7fffffffL, 0xffffffffL, -1L, Long.MAX_VALUE, 0x10000, 64, 56};

  @TempDir Path tmp;

  private static List<byte[]> seeds() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (String name : List.of("hello", "libgreet.so", "usegreet")) {
      out.add(Files.readAllBytes(Fixtures.binaries().resolve(name)));
    }
    out.add(Files.readAllBytes(Fixtures.module("fs/fat/vfat.ko")));
    out.add(Files.readAllBytes(Fixtures.module("fs/fat/fat.ko")));
    return out;
  }

  static byte[] mutate(byte[] original, Random random) {
    byte[] b = original.clone();
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int kind = random.nextInt(5);
    int rounds = 1 + random.nextInt(8);
    for (int i = 0; i < rounds; i++) {
      // Half the hits land in the header and the tables it points at, where structure lives.
      int region = random.nextBoolean() ? Math.min(b.length, 64) : b.length;
      int at = random.nextInt(region);
      switch (kind) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> {
          if (at + 8 <= b.length) {
            buf.putLong(at, EXTREMES[random.nextInt(EXTREMES.length)]);
          }
        }
        case 2 -> {
          if (at + 4 <= b.length) {
            buf.putInt(at, (int) EXTREMES[random.nextInt(EXTREMES.length)]);
          }
        }
        case 3 -> {
          // Section header table: corrupt a field of a random section header.
          long shoff = buf.getLong(40);
          int shnum = buf.getShort(60) & 0xffff;
          if (shoff > 0 && shnum > 0 && shoff + (long) shnum * 64 <= b.length) {
            int field = (int) shoff + random.nextInt(shnum) * 64 + 8 * random.nextInt(8);
            buf.putLong(field, EXTREMES[random.nextInt(EXTREMES.length)]);
          }
        }
        default -> {
          return Arrays.copyOf(b, random.nextInt(b.length));
        }
      }
    }
    return b;
  }

  @Test
  void seededMutationsEndInAResultOrAClearErrorWithoutHanging() throws IOException {
    List<byte[]> seeds = seeds();
    Random random = new Random(SEED);
    int parsed = 0;
    int rejected = 0;
    long worstNanos = 0;
    long start = System.nanoTime();
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] input = mutate(seeds.get(i % seeds.size()), random);
      String name = "mutant-" + i;
      long t0 = System.nanoTime();
      boolean read = assertTimeoutPreemptively(HANG_GUARD, () -> readOrReject(name, input),
          () -> name + " (seed " + SEED + ") still being read after " + HANG_GUARD);
      worstNanos = Math.max(worstNanos, System.nanoTime() - t0);
      if (read) {
        parsed++;
      } else {
        rejected++;
      }
    }
    long totalMs = (System.nanoTime() - start) / 1_000_000;
    // Both outcomes occur, so the mutants reach past the reader's first checks and also break it.
    assertThat(parsed).as("mutants parsed").isPositive();
    assertThat(rejected).as("mutants rejected").isPositive();
    Files.createDirectories(Fixtures.cache());
    Files.writeString(Fixtures.cache().resolve("fuzz-stats.txt"),
        String.format("mutations=%d parsed=%d rejected=%d total_ms=%d worst_ms=%.1f%n",
            MUTATIONS, parsed, rejected, totalMs, worstNanos / 1e6));
  }

  /** True when the mutant parsed, false when it was rejected naming itself; anything else fails. */
  private static boolean readOrReject(String name, byte[] input) {
    try {
      ElfReader.read(name, input);
      return true;
    } catch (AskBuildException e) {
      assertThat(e.getMessage()).startsWith(name + ": ");
      return false;
    } catch (Throwable t) {
      return fail(name + " (seed " + SEED + ") ended in " + t, t);
    }
  }

  @Test
  void checkerReportsMutantsAsFailuresNotCrashes() throws IOException {
    List<byte[]> seeds = seeds();
    Random random = new Random(SEED + 1);
    Path dist = tmp.resolve("dist");
    Files.createDirectories(dist.resolve("lib/modules"));
    Files.createDirectories(dist.resolve("usr/bin"));
    for (int i = 0; i < 200; i++) {
      int s = i % seeds.size();
      String name = s >= 3 ? "lib/modules/m" + i + ".ko" : "usr/bin/b" + i;
      Files.write(dist.resolve(name), mutate(seeds.get(s), random));
    }
    CheckReport report = new Checker(Progress.SILENT)
        .run(new CheckRequest(dist, Optional.of(Fixtures.headers()), Fixtures.SYSROOT, CheckTarget.aarch64()));
    assertThat(report.artifacts()).hasSize(200);
    assertThat(report.failures()).filteredOn(r -> r.check().equals("elf.read"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.detail()).contains(dist.resolve(r.artifact()).toString()));
  }

  @Test
  void hostileFixturesAreRejectedNamingTheFile() {
    byte[] hugeCounts = new byte[64];
    hugeCounts[0] = 0x7f; hugeCounts[1] = 'E'; hugeCounts[2] = 'L'; hugeCounts[3] = 'F';
    hugeCounts[4] = 2; hugeCounts[5] = 1;
    ByteBuffer b = ByteBuffer.wrap(hugeCounts).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(40, 64); // e_shoff at the end of the header...
    b.putShort(58, (short) 64);
    b.putShort(60, (short) 0xffff); // ...with 65535 sections in a 64-byte file
    assertThat(catchMessage("huge-counts", hugeCounts)).startsWith("huge-counts: malformed ELF").contains("lies outside");
    assertThat(catchMessage("short", Arrays.copyOf(hugeCounts, 10))).startsWith("short: malformed ELF").contains("too short");
    byte[] notElf = "#!/bin/sh\necho hi\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(catchMessage("script", notElf)).contains("no ELF magic");
  }

  private static String catchMessage(String name, byte[] content) {
    try {
      ElfReader.read(name, content);
      return "parsed";
    } catch (AskBuildException e) {
      return e.getMessage();
    }
  }
}
