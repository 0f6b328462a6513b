package io.localsam.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.InvocationRejected;
import io.localsam.runtime.InvocationResult;
import io.localsam.runtime.RequestIds;
import io.localsam.server.BodyReader;
import io.localsam.template.Template;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API, {@code POST /2015-03-31/functions/{name}/invocations}, with deployed
 * Lambda's answers: {@code RequestResponse} (200 with the payload, {@code X-Amz-Function-Error:
 * Unhandled} when the function failed or timed out), {@code Event} (202; the event is queued and
 * run as Lambda runs it, see {@link FunctionRuntime#invokeAsync}) and {@code DryRun} (204), and
 * {@code X-Amz-Log-Type: Tail}.
 *
 * <p>Threading: the path, headers and body are checked on the I/O thread, which never blocks; the
 * function runs on its environment's thread, and the answer is written back on the connection's I/O
 * thread (an exchange ended elsewhere makes Undertow's I/O thread spin), the exchange staying open
 * meanwhile (dispatched to {@link SameThreadExecutor}).
 */
final class InvokeApiHandler implements HttpHandler {
  private static final Pattern INVOCATIONS =
      Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations/?$");
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);
  private static final Set<String> INVOCATION_TYPES = Set.of("RequestResponse", "Event", "DryRun");
  private static final BodyReader BODY = new BodyReader(FunctionRuntime.MAX_PAYLOAD_BYTES);

  private volatile Template
      template; // the functions' names; replaced when the template is reloaded
  private final FunctionRuntime runtime;
  private final String region;
  private final Consumer<String> log;

  InvokeApiHandler(
      Template template, FunctionRuntime runtime, String region, Consumer<String> log) {
    this.template = template;
    this.runtime = runtime;
    this.region = region;
    this.log = log;
  }

  /** Names the functions of a new version of the template from now on. */
  void update(Template next) {
    template = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    // The URI, not the path: Undertow drops ";parameters" from the path, and Lambda refuses a name
    // with ';'.
    Matcher path = INVOCATIONS.matcher(exchange.getRequestURI());
    if (!path.matches()) {
      send(exchange, LambdaErrors.pathNotFound(), null);
      return;
    }
    if (!exchange.getRequestMethod().equals(Methods.POST)) {
      send(exchange, LambdaErrors.methodNotAllowed(), null);
      return;
    }
    String name = decoded(path.group(1));
    Deque<String> qualifierParameter = exchange.getQueryParameters().get("Qualifier");
    LambdaResponse invalid =
        FunctionNames.validate(
            name, qualifierParameter == null ? null : qualifierParameter.peekFirst());
    if (invalid != null) {
      send(exchange, invalid, null);
      return;
    }
    BODY.read(
        exchange,
        (ex, body) -> invoke(ex, name, body),
        ex ->
            send(
                ex,
                LambdaErrors.rejected(
                    new InvocationRejected(
                        InvocationRejected.Reason.PAYLOAD_TOO_LARGE, "payload too large")),
                null),
        (ex, error) -> {
          log.accept("Lambda Invoke API: cannot read the request body: " + error);
          ex.setStatusCode(400);
          ex.endExchange(); // the client went away or sent a broken body
        });
  }

  private void invoke(HttpServerExchange exchange, String name, byte[] body) {
    HeaderMap headers = exchange.getRequestHeaders();
    String invocationType =
        Optional.ofNullable(headers.getFirst("X-Amz-Invocation-Type")).orElse("RequestResponse");
    if (!INVOCATION_TYPES.contains(invocationType)) {
      send(exchange, LambdaErrors.invalidInvocationType(invocationType), null);
      return;
    }
    byte[] event = body.length == 0 ? EMPTY_EVENT : body; // as SAM: no payload is an empty object
    String problem = jsonProblem(event);
    if (problem != null) {
      send(exchange, LambdaErrors.invalidJson(problem), null);
      return;
    }
    Template template = this.template; // one version for the whole request
    Optional<String> found = FunctionNames.resolve(template, name);
    if (found.isEmpty()) {
      log.accept(
          "start-lambda: no function '"
              + name
              + "' in the template (functions: "
              + String.join(", ", template.functions().keySet())
              + ")");
      send(exchange, LambdaErrors.functionNotFound(region, name), null);
      return;
    }
    String functionId = found.get();
    if (template.functions().get(functionId).inlineCode()) {
      send(exchange, LambdaErrors.inlineCode(), null);
      return;
    }
    switch (invocationType) {
      case "DryRun" ->
          send(exchange, new LambdaResponse(204, Map.of(), new byte[0]), RequestIds.next());
      case "Event" -> invokeInBackground(exchange, functionId, event);
      default ->
          invokeAndAnswer(
              exchange,
              functionId,
              event,
              "Tail".equalsIgnoreCase(headers.getFirst("X-Amz-Log-Type")));
    }
  }

  /**
   * Lambda's {@code Event}: accepted into the function's queue (202 with the request id its
   * attempts carry), or refused.
   */
  private void invokeInBackground(HttpServerExchange exchange, String functionId, byte[] event) {
    String requestId;
    try {
      requestId = runtime.invokeAsync(functionId, event);
    } catch (InvocationRejected rejected) {
      log.accept("[" + functionId + "] asynchronous invocation refused: " + rejected.getMessage());
      send(exchange, LambdaErrors.rejected(rejected), null);
      return;
    } catch (RuntimeException e) {
      log.accept("[" + functionId + "] could not be invoked: " + e.getMessage());
      send(exchange, LambdaErrors.service(), null);
      return;
    }
    send(exchange, new LambdaResponse(202, Map.of(), new byte[0]), requestId);
  }

  private void invokeAndAnswer(
      HttpServerExchange exchange, String functionId, byte[] event, boolean tail) {
    LogTail lines = new LogTail();
    CompletableFuture<InvocationResult> invocation;
    try {
      invocation = runtime.invoke(functionId, event, tail ? lines : line -> {});
    } catch (RuntimeException e) {
      log.accept("[" + functionId + "] could not be invoked: " + e.getMessage());
      send(exchange, LambdaErrors.service(), null);
      return;
    }
    exchange.dispatch(
        SameThreadExecutor.INSTANCE,
        () ->
            invocation.whenComplete(
                (result, error) -> {
                  if (error != null) {
                    Throwable cause =
                        error instanceof CompletionException && error.getCause() != null
                            ? error.getCause()
                            : error;
                    log.accept("[" + functionId + "] could not be invoked: " + cause.getMessage());
                    LambdaResponse refusal =
                        cause instanceof InvocationRejected rejected
                            ? LambdaErrors.rejected(rejected)
                            : LambdaErrors.service();
                    exchange.getIoThread().execute(() -> send(exchange, refusal, null));
                    return;
                  }
                  Map<String, String> answer = new LinkedHashMap<>();
                  answer.put("Content-Type", "application/json");
                  answer.put("X-Amz-Executed-Version", "$LATEST");
                  if (result.failed()) {
                    answer.put(
                        "X-Amz-Function-Error",
                        "Unhandled"); // every Java error and timeout (README, Runtime)
                  }
                  if (tail) {
                    answer.put("X-Amz-Log-Result", lines.base64());
                  }
                  LambdaResponse response = new LambdaResponse(200, answer, result.payload());
                  exchange
                      .getIoThread()
                      .execute(() -> send(exchange, response, result.requestId()));
                }));
  }

  /**
   * The name as Lambda reads it, percent-decoded; a broken escape is left as it is, which the name
   * check refuses.
   */
  private static String decoded(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /**
   * Null when the payload is one JSON value, otherwise the parser's complaint (read as a stream:
   * payloads go up to 6 MB).
   */
  private static String jsonProblem(byte[] event) {
    try (JsonParser parser = JSON.createParser(event)) {
      if (parser.nextToken() == null) {
        return "No content to map due to end-of-input";
      }
      parser.skipChildren();
      return parser.nextToken() == null ? null : "Unexpected content after the JSON value";
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    } catch (IOException e) {
      return String.valueOf(e.getMessage());
    }
  }

  private static void send(HttpServerExchange exchange, LambdaResponse response, String requestId) {
    exchange.setStatusCode(response.status());
    HeaderMap headers = exchange.getResponseHeaders();
    response.headers().forEach((name, value) -> headers.put(HttpString.tryFromString(name), value));
    headers.put(
        HttpString.tryFromString("x-amzn-RequestId"),
        requestId != null ? requestId : RequestIds.next());
    exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
  }

  @Override
  public String toString() {
    return "lambda-invoke-api";
  }
}
