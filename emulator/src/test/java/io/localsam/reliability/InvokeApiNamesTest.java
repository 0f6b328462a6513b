package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestLambda;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function names and qualifiers on the Invoke API are checked as Lambda checks them, before any
 * function is looked up: a name outside the API's pattern or length is a 400 ValidationException,
 * never another function. Raw requests, since HTTP clients normalise some of these paths.
 */
class InvokeApiNamesTest {
  @TempDir static Path folder;

  static final List<String> invoked = Collections.synchronizedList(new ArrayList<>());
  static TestLambda lambda;

  @BeforeAll
  static void start() {
    lambda =
        TestLambda.start(
            folder,
            """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.EchoEvent}
        """,
            (id, event, result) -> invoked.add(id));
  }

  @AfterAll
  static void stop() {
    lambda.close();
  }

  /** Invokes {@code name}; a {@code ?query} after it goes after the path's {@code /invocations}. */
  private static RawHttp.Answer invoke(String name) {
    int query = name.indexOf('?');
    String path =
        "/2015-03-31/functions/"
            + (query < 0
                ? name + "/invocations"
                : name.substring(0, query) + "/invocations" + name.substring(query));
    return RawHttp.exchange(
        lambda.port(),
        "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}");
  }

  @Test
  void names_outside_the_invoke_apis_pattern_are_400_validation_errors() {
    int before = invoked.size();
    for (String name : List.of("Fn:1:2", "Fn;x", "..", ".", "Fn:live;x", "Fn:la%24test")) {
      RawHttp.Answer answer = invoke(name);

      assertEquals(400, answer.status(), name);
      assertEquals("ValidationException", answer.header("x-amzn-ErrorType"), name);
      assertTrue(
          answer
              .body()
              .contains(
                  "at 'functionName' failed to satisfy constraint: Member must satisfy regular"
                      + " expression pattern"),
          answer.body());
    }
    assertEquals(before, invoked.size(), "nothing ran");
  }

  @Test
  void a_name_longer_than_170_characters_is_a_400_validation_error() {
    RawHttp.Answer answer = invoke("F".repeat(5000));

    assertEquals(400, answer.status());
    assertEquals("ValidationException", answer.header("x-amzn-ErrorType"));
    assertTrue(
        answer.body().contains("Member must have length less than or equal to 170"), answer.body());
  }

  @Test
  void a_percent_encoded_name_is_decoded_and_then_looked_up() {
    RawHttp.Answer answer = invoke("F%6E"); // Fn

    assertEquals(200, answer.status(), answer.body());
    assertEquals(404, invoke("Fn%41").status(), "FnA is not a function");
    assertEquals("ResourceNotFoundException", invoke("Fn%41").header("x-amzn-ErrorType"));
  }

  @Test
  void valid_qualifiers_run_the_latest_code_and_invalid_ones_are_refused() {
    assertEquals(200, invoke("Fn:$LATEST").status());
    assertEquals(
        200, invoke("Fn:live").status(), "an alias: only $LATEST exists locally, so it runs");
    assertEquals(200, invoke("Fn?Qualifier=$LATEST").status());
    assertEquals(
        200,
        invoke("arn:aws:lambda:us-east-1:123456789012:function:Fn:$LATEST?Qualifier=$LATEST")
            .status());

    RawHttp.Answer mismatch = invoke("Fn:live?Qualifier=$LATEST");
    assertEquals(400, mismatch.status());
    assertEquals("InvalidParameterValueException", mismatch.header("x-amzn-ErrorType"));

    RawHttp.Answer badQualifier = invoke("Fn?Qualifier=a.b");
    assertEquals(400, badQualifier.status());
    assertTrue(
        badQualifier.body().contains("at 'qualifier' failed to satisfy constraint"),
        badQualifier.body());
    assertEquals(400, invoke("Fn?Qualifier=" + "q".repeat(129)).status());
  }
}
