package io.localsam.runtime.process;

import static io.localsam.testsupport.AwsClientAssumption.assumeAwsClientRunsHere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.localsam.config.Isolation;
import io.localsam.config.RuntimeClient;
import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function as a developer has it before packaging, on AWS's runtime interface client: a Maven
 * module whose classes are in target/classes and whose libraries stay in the local repository, not
 * in lib/. The client's own class loader only looks at the task root and its lib/, so the child's
 * class path has to carry the rest.
 */
class AwsRuntimeClientMavenModuleTest {
  @TempDir Path folder;

  @Test
  void aFunctionBuiltWithMavenLoadsItsLibrariesFromTheLocalRepository() throws Exception {
    assumeAwsClientRunsHere();
    assumeTrue(
        onPath("mvn"), "LocalSAM asks Maven for a module's class path, and mvn is not on the PATH");
    Path module = mavenModule();

    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: MODULE
              Handler: fixtures.Hello
              Runtime: java17
              Events: {Get: {Type: Api, Properties: {Path: /hello, Method: get}}}
        """
                .replace("MODULE", module.toString()),
            options ->
                options.isolation(Isolation.IN_PROCESS.withRuntimeClient(RuntimeClient.AWS)))) {
      assertTrue(api.logged("Hello: code from Maven module"), api.logs().toString());

      HttpTestClient.Response response = api.http().get("/hello?name=maven");

      assertEquals(200, response.status(), response.body() + api.logs());
      assertEquals("{\"message\":\"hello maven\",\"function\":\"Hello\"}", response.body());
    }
  }

  /**
   * A module depending on the event types (from the local repository, where this build put them),
   * with the fixture's compiled classes in target/classes as {@code mvn compile} leaves them.
   */
  private Path mavenModule() throws Exception {
    Path module = Files.createDirectories(folder.resolve("hello-function"));
    Files.writeString(
        module.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>hello-function</artifactId>
          <version>1</version>
          <dependencies>
            <dependency>
              <groupId>com.amazonaws</groupId>
              <artifactId>aws-lambda-java-events</artifactId>
              <version>EVENTS</version>
            </dependency>
          </dependencies>
        </project>
        """
            .replace("EVENTS", eventsVersion()));
    Path classes = Files.createDirectories(module.resolve("target/classes/fixtures"));
    for (String type : new String[] {"Hello.class", "Json.class"}) {
      Files.copy(TestApi.codeFolder().resolve("fixtures").resolve(type), classes.resolve(type));
    }
    return module;
  }

  /** The events version this build uses, as its jar in the test functions' lib/ is named. */
  private static String eventsVersion() throws Exception {
    try (Stream<Path> jars = Files.list(TestApi.codeFolder().resolve("lib"))) {
      String jar =
          jars.map(path -> path.getFileName().toString())
              .filter(name -> name.startsWith("aws-lambda-java-events-"))
              .findFirst()
              .orElseThrow();
      return jar.substring("aws-lambda-java-events-".length(), jar.length() - ".jar".length());
    }
  }

  private static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
  }
}
