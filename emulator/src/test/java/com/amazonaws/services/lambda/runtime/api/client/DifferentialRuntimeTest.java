package com.amazonaws.services.lambda.runtime.api.client;

import static io.localsam.testsupport.AwsClientAssumption.assumeAwsClientRunsHere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import io.localsam.config.Isolation;
import io.localsam.config.RuntimeClient;
import io.localsam.testsupport.SampleEvents;
import io.localsam.testsupport.TestApi;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same handlers and inputs through AWS's real Java runtime client
 * (aws-lambda-java-runtime-interface-client, its handler loader and error converter, as the
 * README's Runtime section describes) and through LocalSAM: the response bytes must be identical.
 * The test lives in the runtime client's package to reach its loader.
 */
class DifferentialRuntimeTest {
  private static final String[][] CASES = {
    {"fixtures.Handlers::upper", "\"abc\""},
    {"fixtures.Handlers::upper", "123"},
    {"fixtures.Handlers::upper", "[\"x\"]"},
    {"fixtures.Handlers::upper", "{\"a\":1}"},
    {"fixtures.Handlers::upper", ""},
    {"fixtures.Handlers::upper", "null"},
    {"fixtures.Handlers::map", "{\"in\":true,\"list\":[1,null],\"nested\":{\"x\":null}}"},
    {"fixtures.Handlers::map", "{a:1,'b':NaN}"},
    {"fixtures.Handlers::sum", "[1,\"2\",3]"},
    {"fixtures.Handlers::sum", "7"},
    {"fixtures.Handlers::nothing", "{}"},
    {"fixtures.Handlers::bytes", "\"hi\""},
    {"fixtures.Handlers::stream", "{\"a\":1}"},
    {"fixtures.Handlers::stream", ""},
    {"fixtures.Handlers::silent", "{}"},
    {"fixtures.Handlers::a", "{}"},
    {"fixtures.Handlers::e", "{}"},
    {"fixtures.Handlers::d", "\"x\""},
    {
      "fixtures.Handlers::person",
      "{\"name\":\"ann\",\"age\":\"12\",\"hidden\":\"x\",\"unknown\":1,\"Name\":\"no\"}"
    },
    {"fixtures.Handlers::person", "[]"},
    {"fixtures.Handlers::record", "{\"name\":\"r\",\"age\":2}"},
    {"fixtures.Handlers$Sub", "{\"k\":\"v\"}"},
    {"fixtures.Handlers$Generic", "{}"},
    {"fixtures.StreamAndPojo", "\"x\""},
    {"fixtures.Failing", "{}"},
    {"fixtures.Handlers$Npe", "{}"},
    {"fixtures.DoesNotExist", "{}"},
    {"fixtures.Handlers::absent", "{}"},
    {"fixtures.Handlers::", "{}"},
    {"fixtures.Handlers$NoDefaultCtor", "{}"},
    {"fixtures.Handlers$CtorThrows", "{}"},
    {"fixtures.Handlers$FailingStaticInit", "{}"},
    {"fixtures.NotPublic", "{}"},
    {"fixtures.Json", "{}"},
    {"fixtures.EventRoundTrip", "@apigw_event.json"},
    {"fixtures.EventRoundTrip", "@apigw_rest_event.json"},
    {"fixtures.EventRoundTrip::v2", "@apigw_http_event.json"},
  };

  @TempDir static Path folder;

  static TestApi api;
  static TestApi
      processApi; // the same functions, each in a JVM of its own on LocalSAM's Java bootstrap
  static TestApi
      awsClientApi; // and each in a JVM of its own on AWS's runtime client, talking to LocalSAM's

  // Runtime API

  @BeforeAll
  static void start() {
    StringBuilder template =
        new StringBuilder(
            "Globals:\n  Function: {Runtime: java17, CodeUri: ${CODE}}\nResources:\n");
    for (int i = 0; i < CASES.length; i++) {
      template
          .append("  Case")
          .append(i)
          .append(":\n    Type: AWS::Serverless::Function\n    Properties: {Handler: '")
          .append(CASES[i][0])
          .append("'}\n");
    }
    api = TestApi.start(folder, template.toString());
    processApi =
        TestApi.start(
            folder,
            template.toString(),
            options -> options.isolation(new Isolation(true, Set.of(), Map.of(), 0, Set.of())));
    awsClientApi =
        TestApi.start(
            folder,
            template.toString(),
            options ->
                options.isolation(Isolation.IN_PROCESS.withRuntimeClient(RuntimeClient.AWS)));
  }

  @AfterAll
  static void stop() {
    api.close();
    processApi.close();
    awsClientApi.close();
  }

  static Stream<Arguments> cases() {
    List<Arguments> arguments = new ArrayList<>();
    for (int i = 0; i < CASES.length; i++) {
      arguments.add(Arguments.of(i, CASES[i][0], CASES[i][1]));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{1} with {2}")
  @MethodSource("cases")
  void localsam_answers_byte_for_byte_what_the_real_runtime_answers(
      int index, String handler, String input) throws Exception {
    byte[] event =
        input.startsWith("@") ? sample(input.substring(1)) : input.getBytes(StandardCharsets.UTF_8);

    String real = new String(realRuntime(handler, event), StandardCharsets.UTF_8);
    String ours =
        api.emulator().invoke("Case" + index, new String(event, StandardCharsets.UTF_8)).response();
    String ownProcess =
        processApi
            .emulator()
            .invoke("Case" + index, new String(event, StandardCharsets.UTF_8))
            .response();

    assertEquals(real, ours);
    assertEquals(real, ownProcess, "in process isolation");
  }

  @ParameterizedTest(name = "{1} with {2}")
  @MethodSource("cases")
  void aws_runtime_client_in_a_process_of_its_own_answers_the_same(
      int index, String handler, String input) throws Exception {
    assumeAwsClientRunsHere();
    byte[] event =
        input.startsWith("@") ? sample(input.substring(1)) : input.getBytes(StandardCharsets.UTF_8);

    String real = new String(realRuntime(handler, event), StandardCharsets.UTF_8);
    String awsClient =
        awsClientApi
            .emulator()
            .invoke("Case" + index, new String(event, StandardCharsets.UTF_8))
            .response();

    assertEquals(
        real, awsClient, "AWS's runtime client in a child, through LocalSAM's Runtime API");
    assertTrue(
        awsClientApi.logged(
            "Case"
                + index
                + ": runs in a process of its own on AWS's runtime interface client: Java "),
        awsClientApi.logs().toString());
  }

  /** One fresh customer class loader per case, as one Lambda environment has. */
  private static byte[] realRuntime(String handler, byte[] event) throws Exception {
    Path code = TestApi.codeFolder();
    List<URL> urls = new ArrayList<>();
    urls.add(code.toUri().toURL());
    try (Stream<Path> jars = Files.list(code.resolve("lib"))) {
      for (Path jar : jars.sorted().toList()) {
        urls.add(jar.toUri().toURL());
      }
    }
    // The function's classes must come from this loader, not the test's, as in Lambda: hide the
    // test class path.
    try (URLClassLoader customer =
        new URLClassLoader(urls.toArray(URL[]::new), new CoreApiOnly())) {
      Field field = AWSLambda.class.getDeclaredField("customerClassLoader");
      field.setAccessible(true);
      field.set(null, customer);
      Method find =
          AWSLambda.class.getDeclaredMethod("findRequestHandler", String.class, ClassLoader.class);
      find.setAccessible(true);
      LambdaRequestHandler loaded;
      try {
        loaded = (LambdaRequestHandler) find.invoke(null, handler, customer);
      } catch (InvocationTargetException e) {
        if (e.getCause()
            instanceof UserFault fatal) { // a fatal Init error: the runtime posts it and exits
          return DtoSerializers.serialize(LambdaErrorConverter.fromUserFault(fatal));
        }
        throw e;
      }
      InvocationRequest request = new InvocationRequest();
      request.setId("differential");
      request.setContent(event);
      request.setInvokedFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:differential");
      request.setDeadlineTimeInMs(System.currentTimeMillis() + 60_000);
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(customer);
      try {
        return loaded.call(request).toByteArray();
      } catch (UserFault fault) {
        return DtoSerializers.serialize(LambdaErrorConverter.fromUserFault(fault));
      } catch (Throwable thrown) {
        return DtoSerializers.serialize(
            LambdaErrorConverter.fromThrowable(
                UserFault.filterStackTrace(thrown))); // as AWSLambda does
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  private static byte[] sample(String name) {
    return SampleEvents.bytes(name);
  }

  /** The JDK and the Lambda core API, as the runtime's system class loader offers a function. */
  private static final class CoreApiOnly extends ClassLoader {
    CoreApiOnly() {
      super(ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String rest =
          name.startsWith("com.amazonaws.services.lambda.runtime.") ? name.substring(38) : null;
      if (rest != null && (rest.indexOf('.') < 0 || rest.startsWith("logging."))) {
        return DifferentialRuntimeTest.class.getClassLoader().loadClass(name);
      }
      throw new ClassNotFoundException(name);
    }
  }
}
