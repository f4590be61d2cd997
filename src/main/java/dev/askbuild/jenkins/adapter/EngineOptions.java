package dev.askbuild.jenkins.adapter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine options a Java step or the freestyle builder takes, one model for all of them: each
 * is the engine's own option ({@code askbuild <command> --board ...}), kept as given and passed on
 * as it is, so the engine alone decides what is valid (an unknown board, a target or component it
 * does not know, a bad number: its one-line {@code error:}, exit 2). A value not given, or given
 * empty as a job form sends it, is left out and the engine's default applies. Secrets are file
 * paths (bound by credentials-binding), never contents. Persisted with the step or the job, so a
 * plain serializable class.
 */
public final class EngineOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String board;
  private String out;
  private String packages;
  private String cache;
  private String epoch;
  private String target;
  private String components;
  private String jobs;
  private String stages;
  private String signature;
  private String keyring;
  private ArrayList<String> privateFiles = new ArrayList<>();
  private boolean strict;
  private boolean requirePinned;
  private String baseline;
  private boolean failOnAbiChange;

  public EngineOptions(String board) {
    this.board = given(board);
  }

  /** The output directory when none is given (relative to the workspace). */
  public static final String DEFAULT_OUT = "askbuild-out";

  /** Empty means not given: a job form sends "" for a field left blank. */
  static String given(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * A number as the Pipeline gives it ({@code epoch: 1700000000}) or as a form sends it ("" when
   * blank); kept as text for the engine to parse, so "" is "not given", never 0.
   */
  static String number(Object value) {
    if (value instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return given(value);
  }

  public String board() {
    return board;
  }

  public String out() {
    return out;
  }

  /** Where the reports are, relative to the workspace. */
  public String outOrDefault() {
    return out == null ? DEFAULT_OUT : out;
  }

  public void out(Object v) {
    out = given(v);
  }

  public String packages() {
    return packages;
  }

  public void packages(Object v) {
    packages = given(v);
  }

  public String cache() {
    return cache;
  }

  public void cache(Object v) {
    cache = given(v);
  }

  public String epoch() {
    return epoch;
  }

  public void epoch(Object v) {
    epoch = number(v);
  }

  public String target() {
    return target;
  }

  public void target(Object v) {
    target = given(v);
  }

  /** A list ({@code ['libfci', 'cmm']}) or the engine's comma-separated form. */
  public String components() {
    return components;
  }

  public void components(Object v) {
    components = v instanceof List<?> list ? given(String.join(",", list.stream().map(String::valueOf).toList())) : given(v);
  }

  public String jobs() {
    return jobs;
  }

  public void jobs(Object v) {
    jobs = number(v);
  }

  public String stages() {
    return stages;
  }

  public void stages(Object v) {
    stages = v instanceof List<?> list ? given(String.join(",", list.stream().map(String::valueOf).toList())) : given(v);
  }

  public String signature() {
    return signature;
  }

  public void signature(Object v) {
    signature = given(v);
  }

  public String keyring() {
    return keyring;
  }

  public void keyring(Object v) {
    keyring = given(v);
  }

  /** {@code NAME=FILE} entries, the engine's {@code --private}; one a line in a job form. */
  public List<String> privateFiles() {
    return List.copyOf(privateFiles);
  }

  /** The form's text (one entry a line), or null when there is none. */
  public String privateFilesText() {
    return privateFiles.isEmpty() ? null : String.join("\n", privateFiles);
  }

  public void privateFiles(Object v) {
    ArrayList<String> entries = new ArrayList<>();
    List<?> items = v instanceof List<?> list ? list : v == null ? List.of() : List.of(v.toString().split("\n"));
    for (Object item : items) {
      String entry = given(item);
      if (entry != null) {
        entries.add(entry);
      }
    }
    privateFiles = entries;
  }

  public boolean strict() {
    return strict;
  }

  public void strict(boolean v) {
    strict = v;
  }

  public boolean requirePinned() {
    return requirePinned;
  }

  public void requirePinned(boolean v) {
    requirePinned = v;
  }

  /** An earlier build's record the check compares with (the engine's {@code --baseline DIR}). */
  public String baseline() {
    return baseline;
  }

  public void baseline(Object v) {
    baseline = given(v);
  }

  /** With a baseline: an ABI break fails the check ({@code --fail-on-abi-change}). */
  public boolean failOnAbiChange() {
    return failOnAbiChange;
  }

  public void failOnAbiChange(boolean v) {
    failOnAbiChange = v;
  }

  /**
   * The engine's argument list for {@code command} (never a shell line): one option per value
   * given, relative paths as given (the engine runs in the workspace), {@code --json} last.
   */
  public List<String> args(String command) {
    List<String> args = new ArrayList<>();
    args.add(command);
    option(args, "--board", board);
    option(args, "--out", outOrDefault());
    option(args, "--packages", packages);
    option(args, "--cache", cache);
    option(args, "--epoch", epoch);
    option(args, "--target", target);
    option(args, "--components", components);
    option(args, "--jobs", jobs);
    option(args, "--stages", stages);
    option(args, "--signature", signature);
    option(args, "--keyring", keyring);
    privateFiles.forEach(p -> option(args, "--private", p));
    if (strict) {
      args.add("--strict");
    }
    if (requirePinned) {
      args.add("--require-pinned");
    }
    option(args, "--baseline", baseline);
    // Without a baseline there is nothing to break: the engine would refuse the option alone.
    if (failOnAbiChange && baseline != null) {
      args.add("--fail-on-abi-change");
    }
    args.add("--json");
    return List.copyOf(args);
  }

  private static void option(List<String> args, String name, String value) {
    if (value != null) {
      args.add(name);
      args.add(value);
    }
  }
}
