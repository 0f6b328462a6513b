package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.Invocation;
import io.localsam.testsupport.TestApi;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handlers run as the Java runtime runs them (README, Runtime): the event bytes become the declared
 * type, the result becomes bytes, and failures become its documents.
 */
class HandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> HANDLERS = new LinkedHashMap<>();

  static {
    HANDLERS.put("Upper", "fixtures.Handlers::upper");
    HANDLERS.put("MapFn", "fixtures.Handlers::map");
    HANDLERS.put("Sum", "fixtures.Handlers::sum");
    HANDLERS.put("Nothing", "fixtures.Handlers::nothing");
    HANDLERS.put("Bytes", "fixtures.Handlers::bytes");
    HANDLERS.put("Static", "fixtures.Handlers::fromStatic");
    HANDLERS.put("Stream", "fixtures.Handlers::stream");
    HANDLERS.put("Silent", "fixtures.Handlers::silent");
    HANDLERS.put("A", "fixtures.Handlers::a");
    HANDLERS.put("E", "fixtures.Handlers::e");
    HANDLERS.put("D", "fixtures.Handlers::d");
    HANDLERS.put("PersonFn", "fixtures.Handlers::person");
    HANDLERS.put("RecordFn", "fixtures.Handlers::record");
    HANDLERS.put("Sub", "fixtures.Handlers$Sub");
    HANDLERS.put("Generic", "fixtures.Handlers$Generic");
    HANDLERS.put("Both", "fixtures.StreamAndPojo");
    HANDLERS.put("Failing", "fixtures.Failing");
    HANDLERS.put("Npe", "fixtures.Handlers$Npe");
    HANDLERS.put("Missing", "fixtures.DoesNotExist");
    HANDLERS.put("NoMethod", "fixtures.Handlers::absent");
    HANDLERS.put("BadHandler", "fixtures.Handlers::");
    HANDLERS.put("NoCtor", "fixtures.Handlers$NoDefaultCtor");
    HANDLERS.put("CtorThrows", "fixtures.Handlers$CtorThrows");
    HANDLERS.put("StaticFails", "fixtures.Handlers$FailingStaticInit");
    HANDLERS.put("NotPublic", "fixtures.NotPublic");
    HANDLERS.put("NotAHandler", "fixtures.Json");
    HANDLERS.put("Counter", "fixtures.Counter");
    HANDLERS.put("Probe", "fixtures.Handlers$ContextProbe");
  }

  @TempDir static Path folder;

  static TestApi api;

  @BeforeAll
  static void start() {
    StringBuilder template =
        new StringBuilder(
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, MemorySize: 256, Timeout: 7}
        Resources:
        """);
    HANDLERS.forEach(
        (id, handler) ->
            template
                .append("  ")
                .append(id)
                .append(":\n")
                .append("    Type: AWS::Serverless::Function\n")
                .append("    Properties: {Handler: '")
                .append(handler)
                .append("'}\n"));
    api = TestApi.start(folder, template.toString());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String invoke(String function, String event) {
    Invocation invocation = api.emulator().invoke(function, event);
    return invocation.response();
  }

  private static JsonNode error(String function, String event) throws Exception {
    Invocation invocation = api.emulator().invoke(function, event);
    assertTrue(invocation.failed(), function + " should fail: " + invocation.response());
    return JSON.readTree(invocation.response());
  }

  @Test
  void string_input_and_output_follow_the_runtime_json_rules() throws Exception {
    assertEquals("\"got:abc\"", invoke("Upper", "\"abc\""));
    assertEquals("\"got:123\"", invoke("Upper", "123"), "scalars are coerced to String");
    assertEquals(
        "{\"errorMessage\":\"An error occurred during JSON parsing\",\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}",
        invoke("Upper", "{\"a\":1}"));
    assertEquals(
        "{\"errorMessage\":\"An error occurred during JSON parsing\",\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}",
        invoke("Upper", ""),
        "empty input cannot be parsed");
  }

  @Test
  void maps_lists_primitives_void_and_bytes() {
    assertEquals(
        "{\"in\":true,\"n\":1}", invoke("MapFn", "{\"in\":true}"), "null map values are left out");
    assertEquals("6", invoke("Sum", "[1,\"2\",3]"));
    assertEquals("null", invoke("Nothing", "{}"));
    assertEquals("\"aGk=\"", invoke("Bytes", "\"hi\""), "byte[] is a base64 JSON string");
    assertEquals("\"static:x:Static\"", invoke("Static", "\"x\""));
  }

  @Test
  void pojos_and_records_use_the_runtime_jackson_settings() throws Exception {
    JsonNode person =
        JSON.readTree(
            invoke(
                "PersonFn",
                "{\"name\":\"ann\",\"age\":\"12\",\"hidden\":\"x\",\"unknown\":1,\"Name\":\"no\"}"));

    assertEquals("ann!", person.get("name").asText(), "case-sensitive, unknown keys ignored");
    assertEquals(12, person.get("age").asInt(), "strings coerced to numbers");
    assertEquals(
        "default", person.get("hidden").asText(), "a getter-only property is not set from JSON");
    assertEquals("{\"name\":\"r?\",\"age\":3}", invoke("RecordFn", "{\"name\":\"r\",\"age\":2}"));
  }

  @Test
  void stream_handlers_get_raw_bytes_and_answer_exactly_what_they_write() {
    assertEquals("len=7", invoke("Stream", "{\"a\":1}"));
    assertEquals(
        "len=0", invoke("Stream", ""), "empty input reaches a stream handler as an empty stream");
    assertEquals("", invoke("Silent", "{}"), "nothing written is an empty response");
    assertEquals(
        "stream", invoke("Both", "\"x\""), "a class with both interfaces is a stream handler");
  }

  @Test
  void overloads_are_chosen_by_weight_and_shape() {
    assertEquals("\"a-map-ctx\"", invoke("A", "{}"));
    assertEquals("\"e-ctx\"", invoke("E", "{}"));
    assertEquals("\"d-one\"", invoke("D", "\"x\""));
    assertTrue(
        api.logged("Ignoring two-argument overload because second parameter type is not Context"));
  }

  @Test
  void request_handler_types_resolve_through_superclasses_and_must_be_concrete() throws Exception {
    assertEquals("\"sub:v\"", invoke("Sub", "{\"k\":\"v\"}"));
    JsonNode generic = error("Generic", "{}");
    assertEquals(
        "Class fixtures.Handlers$Generic does not implement RequestHandler with concrete type parameters:"
            + " parameter T has no upper bound.",
        generic.get("errorMessage").asText());
    assertFalse(generic.has("errorType"));
  }

  @Test
  void thrown_exceptions_become_the_runtime_error_document() throws Exception {
    JsonNode failing = error("Failing", "{}");
    JsonNode npe = error("Npe", "{}");

    assertEquals(3, failing.size(), "errorMessage, errorType, stackTrace and no cause: " + failing);
    assertEquals("outer boom", failing.get("errorMessage").asText());
    assertEquals("java.lang.IllegalStateException", failing.get("errorType").asText());
    assertTrue(
        failing
            .get("stackTrace")
            .get(0)
            .asText()
            .startsWith("fixtures.Failing.handleRequest(Failing.java:"));
    assertTrue(
        failing.get("stackTrace").toString().indexOf("io.localsam") < 0,
        "the runtime's own frames are cut");
    assertEquals("java.lang.NullPointerException", npe.get("errorMessage").asText());
    assertTrue(
        api.logged("Caused by: java.io.IOException: inner cause"), "causes go to the log only");
  }

  @Test
  void handler_load_faults_use_the_runtime_messages() throws Exception {
    assertEquals(
        "{\"errorMessage\":\"Class not found: fixtures.DoesNotExist\",\"errorType\":\"java.lang.ClassNotFoundException\"}",
        invoke("Missing", "{}"));
    assertEquals(
        "{\"errorMessage\":\"No public method named absent with appropriate method signature found on class fixtures.Handlers\"}",
        invoke("NoMethod", "{}"));
    assertEquals(
        "{\"errorMessage\":\"Invalid handler: `fixtures.Handlers::'\"}",
        invoke("BadHandler", "{}"));
    assertEquals(
        "{\"errorMessage\":\"Class fixtures.Handlers$NoDefaultCtor has no public zero-argument constructor\","
            + "\"errorType\":\"java.lang.Exception\"}",
        invoke("NoCtor", "{}"));
    assertEquals(
        "{\"errorMessage\":\"ctor boom\",\"errorType\":\"java.lang.IllegalStateException\"}",
        invoke("CtorThrows", "{}"));
    assertEquals(
        "{\"errorMessage\":\"Error loading class fixtures.Handlers$FailingStaticInit\","
            + "\"errorType\":\"java.lang.ExceptionInInitializerError\"}",
        invoke("StaticFails", "{}"));
    assertEquals(
        "java.lang.IllegalAccessException", error("NotPublic", "{}").get("errorType").asText());
    assertEquals(
        "Class does not implement an appropriate handler interface: fixtures.Json",
        error("NotAHandler", "{}").get("errorMessage").asText());
  }

  @Test
  void a_warm_environment_keeps_its_static_state() throws Exception {
    String[] a = JSON.readTree(invoke("Counter", "{}")).get("body").asText().split(" ");
    String[] b = JSON.readTree(invoke("Counter", "{}")).get("body").asText().split(" ");

    assertEquals(a[1], b[1], "same class loading time: same environment");
    assertNotEquals(a[0], b[0], "the static counter went on");
  }

  @Test
  void context_has_the_values_lambda_gives() throws Exception {
    JsonNode context = JSON.readTree(invoke("Probe", "{}"));

    assertEquals("Probe", context.get("functionName").asText());
    assertEquals("$LATEST", context.get("version").asText());
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:Probe", context.get("arn").asText());
    assertEquals(256, context.get("memory").asInt());
    int remaining = context.get("remaining").asInt();
    assertTrue(
        remaining > 0 && remaining <= 7000,
        "remaining time counts down from the timeout: " + remaining);
    assertEquals("/aws/lambda/Probe", context.get("logGroup").asText());
    assertTrue(
        context
            .get("logStream")
            .asText()
            .matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"));
    assertTrue(context.get("identityIsNull").asBoolean());
    assertTrue(context.get("clientContextIsNull").asBoolean());
    assertTrue(api.logged("[Probe] probe logged"));
    assertTrue(api.logged("[Probe] REPORT RequestId: " + context.get("requestId").asText()));
  }
}
