package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The extension starts LocalSAM through the facade, as the command line does (the README's "Design"
 * picture): jdeps on its compiled classes finds no package of the emulator's but the facade and the
 * shared leaves.
 */
class FacadeOnlyTest {
  private static final Set<String> ALLOWED =
      Set.of(
          "io.localsam",
          "io.localsam.junit",
          "io.localsam.error",
          "io.localsam.config",
          "io.localsam.fault",
          "io.localsam.server");
  private static final Pattern EDGE =
      Pattern.compile("^\\s+io\\.localsam\\.junit\\s+->\\s+(io\\.localsam[\\w.]*)\\s");

  @Test
  void theExtensionUsesOnlyTheFacadeAndTheLeaves() throws Exception {
    Path classes =
        Path.of(LocalApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        ToolProvider.findFirst("jdeps")
            .orElseThrow()
            .run(
                new PrintWriter(out),
                new PrintWriter(err),
                "-verbose:package",
                "-filter:none",
                "--multi-release",
                "17",
                classes.toString());
    assertEquals(0, exit, err.toString());
    Set<String> used = new TreeSet<>();
    for (String line : out.toString().split("\n")) {
      Matcher edge = EDGE.matcher(line);
      if (edge.find()) {
        used.add(edge.group(1));
      }
    }

    assertTrue(
        used.contains("io.localsam"),
        "jdeps found no use of the facade in " + classes + ":\n" + out);
    used.removeAll(ALLOWED);
    assertEquals(Set.of(), used, "packages the extension reaches around the facade");
  }
}
