package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gradle module as CodeUri: its build/classes and its runtime class path, asked of the project's
 * gradlew once and cached until the build files change. This machine has no Gradle, so the module's
 * gradlew is a stand-in script that answers the init script's task the way Gradle prints it (and
 * counts its calls); everything on LocalSAM's side is real.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class GradleModuleTest {
  @TempDir Path folder;

  @Test
  void a_gradle_module_runs_with_its_runtime_class_path_resolved_once() throws Exception {
    Path module = folder.resolve("OrdersFunction");
    Path classes = Files.createDirectories(module.resolve("build/classes/java/main/fixtures"));
    Files.copy(
        TestApi.codeFolder().resolve("fixtures/Hello.class"), classes.resolve("Hello.class"));
    Files.copy(TestApi.codeFolder().resolve("fixtures/Json.class"), classes.resolve("Json.class"));
    Files.writeString(module.resolve("build.gradle"), "plugins { id 'java' }\n");
    StringBuilder answer =
        new StringBuilder("LOCALSAM-CLASSPATH:" + module.resolve("build/classes/java/main") + "\n");
    answer
        .append("LOCALSAM-CLASSPATH:")
        .append(module.resolve("build/resources/main"))
        .append("\n"); // absent: skipped
    try (Stream<Path> jars = Files.list(TestApi.codeFolder().resolve("lib"))) {
      for (Path jar : jars.sorted().toList()) {
        answer.append("LOCALSAM-CLASSPATH:").append(jar).append("\n");
      }
    }
    Path calls = folder.resolve("calls.txt");
    Path gradlew = module.resolve("gradlew");
    Files.writeString(
        gradlew,
        """
        #!/bin/sh
        echo called >> '%s'
        case "$*" in *"-I "*localsamClasspath*) ;; *) echo "unexpected arguments: $*"; exit 2;; esac
        printf '%%s' '%s'
        """
            .formatted(calls, answer));
    Files.setPosixFilePermissions(gradlew, PosixFilePermissions.fromString("rwxr-xr-x"));
    String template =
        """
        Resources:
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: OrdersFunction
              Handler: fixtures.Hello
              Runtime: java17
              Events:
                Get: {Type: Api, Properties: {Path: /orders, Method: get}}
        """;

    for (int run = 0; run < 2; run++) {
      try (TestApi api = TestApi.start(folder, template)) {
        assertEquals(200, api.http().get("/orders").status(), api.logs().toString());
        assertTrue(api.logged("Orders: code from Gradle module"));
      }
    }

    assertEquals(
        List.of("called"),
        Files.readAllLines(calls),
        "Gradle is asked once; the second start reads the cache");
    assertTrue(
        Files.readString(module.resolve("build/localsam-classpath.txt"))
            .contains("aws-lambda-java-events"));
  }
}
