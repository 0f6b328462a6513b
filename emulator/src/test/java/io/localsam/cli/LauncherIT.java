package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code localsam} launcher the build puts beside emulator.jar: the jar's own output, exit
 * codes and signals, with LocalSAM's classes mapped from a class data sharing archive that its
 * first run of a command made.
 */
class LauncherIT {
  @TempDir Path folder;
  @TempDir Path archives;
  private Path template;

  @BeforeEach
  void writeTemplate() {
    template = TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);
  }

  @Test
  void answers_as_the_jar_does_and_maps_localsams_classes_from_the_archive_its_first_run_made()
      throws Exception {
    String routes;
    try (JarProcess jar = JarProcess.start(folder, "routes", template.toString())) {
      assertEquals(0, jar.exitCode(), jar.stderr());
      routes = jar.stdout();
    }

    try (JarProcess first = launch(Map.of(), "routes", template.toString())) {
      assertEquals(0, first.exitCode(), first.stderr());
      assertEquals(routes, first.stdout());
      assertEquals("", first.stderr(), "nothing of the JVM's archiving is printed");
    }
    assertEquals(1, files(".part").size(), "the first run wrote its archive as it ended");

    Path classes = folder.resolve("classes.txt");
    try (JarProcess second =
        launch(
            Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
            "routes",
            template.toString())) {
      assertEquals(0, second.exitCode(), second.stderr());
      assertEquals(routes, second.stdout());
    }
    assertEquals(List.of(), files(".part"));
    assertEquals(1, files(".jsa").size(), "the finished part became the routes archive");
    assertTrue(
        Files.readString(classes).contains("io.localsam.cli.Main source: shared objects file"),
        "LocalSAM's classes come from the archive");
  }

  @Test
  void errors_and_exit_codes_are_the_jars_and_LOCALSAM_CDS_0_writes_no_archive() throws Exception {
    JarProcess jar = JarProcess.start(folder, "routes", "missing.yaml");
    try (jar;
        JarProcess launched = launch(Map.of("LOCALSAM_CDS", "0"), "routes", "missing.yaml")) {
      int exitCode = jar.exitCode();
      assertTrue(exitCode != 0, jar.stderr());
      assertEquals(exitCode, launched.exitCode());
      assertEquals(jar.stderr(), launched.stderr());
    }
    assertEquals(List.of(), files(""));
  }

  @Test
  void a_server_it_starts_serves_and_exits_0_on_sigterm() throws Exception {
    try (JarProcess server = launch(Map.of(), template.toString(), "-p", "0")) {
      Matcher running =
          Pattern.compile("\\* Running on (http://127\\.0\\.0\\.1:\\d+) ")
              .matcher(server.awaitLine("* Running on"));
      assertTrue(running.find(), server.stderr());
      HttpTestClient client = new HttpTestClient(URI.create(running.group(1) + "/"));
      assertEquals(200, client.get("/hello").status(), server.stderr());

      assertEquals(0, server.stop(), server.stderr());
    }
    assertEquals(1, files("start-api-").size(), "the archive of start-api, written at its exit");
  }

  private JarProcess launch(Map<String, String> environment, String... args) throws IOException {
    Map<String, String> variables = new HashMap<>(environment);
    variables.put("LOCALSAM_CDS_DIR", archives.toString());
    return JarProcess.launcher(folder, variables, args);
  }

  private List<Path> files(String containing) throws IOException {
    try (Stream<Path> listed = Files.list(archives)) {
      return listed.filter(file -> file.getFileName().toString().contains(containing)).toList();
    }
  }
}
