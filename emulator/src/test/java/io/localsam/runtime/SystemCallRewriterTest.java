package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Rewriting happens once per class, at load; most classes name none of the redirected methods and
 * pass as they are.
 */
class SystemCallRewriterTest {
  private static byte[] classFile(String name) throws Exception {
    return Files.readAllBytes(TestApi.codeFolder().resolve(name.replace('.', '/') + ".class"));
  }

  @Test
  void a_class_that_names_no_redirected_method_is_returned_as_it_is() throws Exception {
    byte[] hello =
        classFile(
            "fixtures.Hello"); // calls Map.of and String methods, nothing of System or Runtime

    assertSame(hello, SystemCallRewriter.rewrite(hello));
  }

  @Test
  void a_class_that_calls_redirected_methods_is_pointed_at_the_sandbox() throws Exception {
    byte[] hostile = classFile("fixtures.Hostile");

    byte[] rewritten = SystemCallRewriter.rewrite(hostile);

    assertNotSame(hostile, rewritten);
    String text = new String(rewritten, StandardCharsets.ISO_8859_1);
    for (String standIn :
        new String[] {
          "LambdaProcessBuilder",
          "LambdaMethod",
          "LambdaLookup",
          "LambdaTimeZone",
          "LambdaLocale",
          "LambdaSecurity",
          "LambdaSignal",
          "LambdaManagementFactory",
          "LambdaRuntime"
        }) {
      assertTrue(text.contains("io/localsam/runtime/sandbox/" + standIn), standIn);
    }
  }
}
