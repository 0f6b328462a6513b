package io.localsam.gateway;

import io.localsam.runtime.InvocationResult;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The gateway's own work per request, without Undertow and without the function: matching the
 * route, building the payload 1.0 event for {@code GET /hello} as wrk sends it, and mapping the
 * sample's response back.
 *
 * <p>Bench-only: it lives in the emulator's package to reach package-private classes. Run it with
 * {@code JMH_COMPONENTS=1 bench/run}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GatewayBenchmark {
  private static final byte[] RESPONSE =
      ("{\"statusCode\":200,\"headers\":{\"X-Custom-Header\":\"application/json\","
              + "\"Content-Type\":\"application/json\"},\"body\":\"{\\\"message\\\": \\\"hello world\\\"}\"}")
          .getBytes(StandardCharsets.UTF_8);

  @Param("sample-app")
  public String sample;

  private RouteTable routes;
  private RouteMatch match;
  private GatewayRequest request;
  private InvocationResult result;

  @Setup
  public void setUp() {
    Template template =
        TemplateLoader.load(Path.of(sample).resolve("template.yaml"), Map.of(), "us-east-1");
    routes = new RouteTable(template);
    match = routes.match("GET", "/hello");
    request =
        new GatewayRequest(
            "GET",
            "/hello",
            "",
            List.of(new GatewayRequest.Header("Host", List.of("127.0.0.1:3000"))),
            new byte[0],
            "127.0.0.1",
            "HTTP/1.1",
            "http",
            3000,
            System.currentTimeMillis(),
            UUID.randomUUID().toString());
    result =
        new InvocationResult(
            UUID.randomUUID().toString(), RESPONSE, null, Duration.ofNanos(1000), null);
  }

  @Benchmark
  public RouteMatch routeMatch() {
    return routes.match("GET", "/hello");
  }

  @Benchmark
  public byte[] restEvent() {
    return RestEventFactory.event(request, match);
  }

  @Benchmark
  public GatewayResponse responseMapping() throws ResponseMapper.Malformed {
    return ResponseMapper.map(match.route(), result, request);
  }
}
