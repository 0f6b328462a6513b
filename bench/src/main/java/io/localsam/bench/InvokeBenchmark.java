package io.localsam.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.localsam.runtime.EnvVarsFile;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.InvocationResult;
import io.localsam.template.TemplateLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A warm invocation of the sample's HelloWorldFunction through LocalSAM's runtime (the event as
 * JSON bytes in, the response as JSON bytes out: AWS's serializer, the execution environment, the
 * worker hand-off, the START/END/REPORT lines) against the same handler class called directly with
 * an event built by hand. The difference is what the runtime adds to every request.
 *
 * <p>{@code sample} is the sample app's folder; bench/run passes it and puts the handler's classes
 * on the class path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InvokeBenchmark {
  @Param("sample-app")
  public String sample;

  private FunctionRuntime runtime;
  private byte[] event;
  private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;
  private APIGatewayProxyRequestEvent input;
  private Context context;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    Path folder = Path.of(sample);
    runtime =
        new FunctionRuntime(
            TemplateLoader.load(folder.resolve("template.yaml"), Map.of(), "us-east-1"),
            "us-east-1",
            EnvVarsFile.NONE,
            line -> {},
            (id, event, result) -> {});
    event =
        Files.readAllBytes(
            folder.resolve("events/event.json")); // the sample's REST proxy event for GET /hello
    InvocationResult first =
        runtime
            .invoke("HelloWorldFunction", event)
            .join(); // the cold start, outside the measurement
    if (first.failed()) {
      throw new IllegalStateException("HelloWorldFunction failed: " + new String(first.payload()));
    }
    handler =
        (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
            Class.forName("helloworld.App").getConstructor().newInstance();
    input =
        new APIGatewayProxyRequestEvent()
            .withResource("/hello")
            .withPath("/hello")
            .withHttpMethod("GET")
            .withHeaders(
                Map.of(
                    "Accept",
                    "application/json",
                    "Host",
                    "127.0.0.1:3000",
                    "User-Agent",
                    "curl/8.5.0"))
            .withBody(null)
            .withIsBase64Encoded(false);
    context = new TrivialContext();
  }

  @TearDown
  public void tearDown() {
    runtime.close();
  }

  @Benchmark
  public InvocationResult runtimeInvoke() {
    return runtime.invoke("HelloWorldFunction", event).join();
  }

  @Benchmark
  public APIGatewayProxyResponseEvent directCall() {
    return handler.handleRequest(input, context);
  }

  /** The least a handler can be given. */
  static final class TrivialContext implements Context {
    private static final LambdaLogger SILENT =
        new LambdaLogger() {
          @Override
          public void log(String message) {}

          @Override
          public void log(byte[] message) {}
        };

    @Override
    public String getAwsRequestId() {
      return "bench";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/bench";
    }

    @Override
    public String getLogStreamName() {
      return "bench";
    }

    @Override
    public String getFunctionName() {
      return "bench";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:bench";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 20_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }

    @Override
    public LambdaLogger getLogger() {
      return SILENT;
    }
  }
}
