package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.localsam.testsupport.TestApi;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilt classes (as `mvn compile` in another terminal leaves them) are picked up without a
 * restart.
 */
class HotReloadTest {
  @TempDir Path folder;

  private void compile(Path code, String answer, int generation) throws IOException {
    Path source = folder.resolve("src/hot/Version.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        """
        package hot;
        public class Version implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, String> {
          static final String LOADED = "%s";
          public String handleRequest(Object input, com.amazonaws.services.lambda.runtime.Context context) {
            return LOADED;
          }
        }
        """
            .formatted(answer),
        StandardCharsets.UTF_8);
    String coreApi;
    try {
      coreApi =
          Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", code.toString(), "-cp", coreApi, source.toString());
    assertEquals(0, status, "the test function compiles");
    // a distinct modification time per build, as a real rebuild seconds later would have
    Files.setLastModifiedTime(
        code.resolve("hot/Version.class"),
        FileTime.from(Instant.now().plusSeconds(generation * 10L)));
  }

  private static String awaitAnswer(TestApi api, String expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String answer = null;
    while (System.nanoTime() < deadline) {
      answer = api.emulator().invoke("Hot", "{}").response();
      if (answer.equals(expected)) {
        return answer;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return answer;
  }

  @Test
  void a_rebuilt_function_runs_its_new_code_in_a_fresh_environment_and_old_loaders_are_released()
      throws Exception {
    Path code = folder.resolve("code");
    compile(code, "v1", 0);
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Hot:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: %s, Handler: hot.Version, Runtime: java17}
        """
                .formatted(code))) {
      assertEquals("\"v1\"", api.emulator().invoke("Hot", "{}").response());
      long unloadedBefore = ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount();

      for (int generation = 2; generation <= 4; generation++) {
        compile(code, "v" + generation, generation);
        assertEquals("\"v" + generation + "\"", awaitAnswer(api, "\"v" + generation + "\""));
      }

      assertTrue(api.logged("Hot: code changed; the next request starts a fresh environment"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount() <= unloadedBefore
          && System.nanoTime() < deadline) {
        System.gc();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      assertTrue(
          ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount() > unloadedBefore,
          "the replaced environments' classes are unloaded: nothing keeps their class loaders alive");
    }
  }

  @Test
  void code_built_after_start_up_but_before_the_first_request_is_served() throws Exception {
    Path code = folder.resolve("code");
    Files.createDirectories(code.resolve("lib"));
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Hot:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: %s, Handler: hot.Version, Runtime: java17}
        """
                .formatted(code))) {
      // The build lands after start-up, before anyone called the function: its handler in a new
      // jar.
      Path classes = folder.resolve("classes");
      compile(classes, "built late", 1);
      try (JarOutputStream jar =
          new JarOutputStream(Files.newOutputStream(code.resolve("lib/app.jar")))) {
        jar.putNextEntry(new JarEntry("hot/Version.class"));
        jar.write(Files.readAllBytes(classes.resolve("hot/Version.class")));
        jar.closeEntry();
      }

      assertEquals("\"built late\"", awaitAnswer(api, "\"built late\""));
    }
  }

  @Test
  void a_clean_build_that_deletes_and_makes_the_class_folder_again_is_picked_up() throws Exception {
    Path code = folder.resolve("code");
    compile(code, "before clean", 0);
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Hot:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: %s, Handler: hot.Version, Runtime: java17}
        """
                .formatted(code))) {
      assertEquals("\"before clean\"", api.emulator().invoke("Hot", "{}").response());

      try (Stream<Path> files = Files.walk(code)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
      compile(code, "after clean", 1);

      assertEquals("\"after clean\"", awaitAnswer(api, "\"after clean\""));
    }
  }
}
