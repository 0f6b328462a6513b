package io.localsam.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Real HTTP requests against a test server, with a response type that keeps assertions short. */
public final class HttpTestClient {
  // One client per server: a shared pool could hand a new server, on a port the OS gave out again,
  // a
  // kept-alive connection of an old one that is long closed.
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public HttpTestClient(URI base) {
    this.base = base;
  }

  public Response get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  public Response post(String path, String body, String... headers) {
    return send("POST", path, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  public Response send(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Status, headers (names lower-case) and body. */
  public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headerValues(String name) {
      return headers.getOrDefault(name.toLowerCase(), List.of());
    }
  }
}
