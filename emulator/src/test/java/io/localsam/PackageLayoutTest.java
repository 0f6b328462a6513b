package io.localsam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package picture of the README's "Design" section, checked against what the compiled classes
 * really use (jdeps, as a contributor would run it): dependencies point one way, and leaves depend
 * on nothing of ours but the error type.
 */
class PackageLayoutTest {
  /**
   * Each package of ours (relative to {@code io.localsam}; "" is the facade) and the packages of
   * ours it may use. A new package gets a line here and a place in the README's picture.
   */
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          // Leaves: shared by several layers, depending on nothing of ours but the error type.
          Map.entry("error", Set.of()),
          Map.entry("host", Set.of()),
          Map.entry("fault", Set.of()),
          Map.entry("config", Set.of("error")),
          Map.entry("server", Set.of("error")),
          // Layers, lowest first.
          Map.entry("template", Set.of("error")),
          Map.entry("runtime.child", Set.of()),
          Map.entry("runtime.sandbox", Set.of()),
          Map.entry("runtime.process", Set.of("error", "host", "server", "runtime.child")),
          Map.entry(
              "runtime",
              Set.of(
                  "error",
                  "host",
                  "config",
                  "fault",
                  "template",
                  "runtime.process",
                  "runtime.child",
                  "runtime.sandbox")),
          Map.entry("gateway.auth", Set.of("error")),
          Map.entry(
              "gateway",
              Set.of("error", "host", "fault", "server", "template", "runtime", "gateway.auth")),
          Map.entry("lambda", Set.of("error", "host", "server", "template", "runtime")),
          Map.entry(
              "console",
              Set.of("error", "host", "fault", "server", "template", "runtime", "gateway")),
          Map.entry(
              "",
              Set.of(
                  "error",
                  "host",
                  "config",
                  "fault",
                  "server",
                  "template",
                  "runtime",
                  "gateway",
                  "lambda",
                  "console")),
          Map.entry("cli", Set.of("", "error", "host", "config", "fault", "server")));

  private static final String OURS = "io.localsam";
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(io\\.localsam[\\w.]*)\\s+->\\s+(io\\.localsam[\\w.]*)\\s");

  private static Map<String, Set<String>> uses;

  @BeforeAll
  static void readTheClassesWithJdeps() throws URISyntaxException {
    Path classes =
        Path.of(Emulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(
        Files.isDirectory(classes), "run from the build's classes folder, not a jar: " + classes);
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:package",
            "-filter:none",
            "--multi-release",
            "17",
            classes.toString());
    assertEquals(0, exit, err.toString());
    uses = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      Matcher edge = EDGE.matcher(line);
      if (edge.find()) {
        uses.computeIfAbsent(relative(edge.group(1)), from -> new TreeSet<>())
            .add(relative(edge.group(2)));
      }
    }
    assertTrue(uses.size() > 5, "jdeps found no packages of ours in " + classes + ":\n" + out);
  }

  @Test
  void everyPackageHasAPlaceInThePicture() {
    Set<String> unplaced = new TreeSet<>(uses.keySet());
    uses.values().forEach(unplaced::addAll);
    unplaced.removeAll(ALLOWED.keySet());

    assertEquals(
        Set.of(),
        unplaced,
        "packages missing from PackageLayoutTest.ALLOWED and the README's picture");
  }

  @Test
  void everyDependencyPointsTheWayThePictureDraws() {
    List<String> against = new ArrayList<>();
    uses.forEach(
        (from, targets) ->
            targets.stream()
                .filter(
                    to -> !to.equals(from) && !ALLOWED.getOrDefault(from, Set.of()).contains(to))
                .forEach(to -> against.add(name(from) + " -> " + name(to))));

    assertEquals(List.of(), against, "dependencies the picture does not allow");
  }

  @Test
  void thePictureItselfHasNoCycle() {
    for (String start : ALLOWED.keySet()) {
      assertFalse(
          reaches(start, start, new TreeSet<>()), name(start) + " reaches itself through ALLOWED");
    }
  }

  @Test
  void thereIsNoCycleAmongOurPackages() {
    for (String start : uses.keySet()) {
      assertFalse(
          reachesInUse(start, start, new TreeSet<>()),
          name(start) + " depends on itself through other packages");
    }
  }

  private static boolean reaches(String from, String target, Set<String> seen) {
    for (String next : ALLOWED.getOrDefault(from, Set.of())) {
      if (next.equals(target) || seen.add(next) && reaches(next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean reachesInUse(String from, String target, Set<String> seen) {
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (next.equals(from)) {
        continue;
      }
      if (next.equals(target) || seen.add(next) && reachesInUse(next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  private static String relative(String packageName) {
    return packageName.equals(OURS) ? "" : packageName.substring(OURS.length() + 1);
  }

  private static String name(String relative) {
    return relative.isEmpty() ? OURS : OURS + "." + relative;
  }
}
