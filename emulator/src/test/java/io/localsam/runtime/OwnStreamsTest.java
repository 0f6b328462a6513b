package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * System.setOut/setErr and Thread.setDefaultUncaughtExceptionHandler inside a function are that
 * environment's, as in Lambda where each function has a JVM of its own: another function's output
 * and uncaught exceptions, and LocalSAM's, never reach them.
 */
class OwnStreamsTest {
  @TempDir Path folder;

  @Test
  void a_function_replacing_the_streams_and_the_default_handler_affects_only_its_own_environment()
      throws Exception {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.StreamSwapper, Timeout: 20}
        Resources:
          Swapper:
            Type: AWS::Serverless::Function
          Plain:
            Type: AWS::Serverless::Function
        """)) {
      PrintStream jvmOut = System.out;
      PrintStream jvmErr = System.err;
      Thread.UncaughtExceptionHandler jvmHandler = Thread.getDefaultUncaughtExceptionHandler();

      String swapped = api.emulator().invoke("Swapper", "{\"do\":\"swap\"}").response();
      assertTrue(swapped.contains("swapped out"), swapped);
      assertTrue(
          swapped.contains("java.lang.Exception: swapped trace"),
          "the JDK's printStackTrace writes the function's err: " + swapped);
      assertTrue(swapped.contains("caught: [boom in the swapper]"), swapped);
      assertSame(jvmOut, System.out);
      assertSame(jvmErr, System.err);
      assertSame(jvmHandler, Thread.getDefaultUncaughtExceptionHandler());

      assertEquals("\"printed\"", api.emulator().invoke("Plain", "{\"do\":\"print\"}").response());
      Thread outside =
          new Thread(
              () -> {
                throw new IllegalStateException("boom in LocalSAM");
              },
              "outside-any-function");
      outside.setUncaughtExceptionHandler(
          null); // the group's handling, which ends at the JVM's default handler
      outside.start();
      outside.join();

      assertTrue(api.logged("[Plain] plain out"), String.join("\n", api.logs()));
      assertTrue(api.logged("[Plain] plain err"));
      assertTrue(
          api.logged("java.lang.IllegalStateException: boom elsewhere"),
          "its uncaught exception is in its own log");
      String report = api.emulator().invoke("Swapper", "{\"do\":\"report\"}").response();
      assertFalse(report.contains("plain"), report);
      assertFalse(report.contains("boom elsewhere") || report.contains("boom in LocalSAM"), report);
      assertTrue(report.contains("handler is own: true"), report);
    }
  }
}
