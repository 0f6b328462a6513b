package io.localsam.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP against a running emulator, with answers that keep assertions short. */
final class ApiClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ApiClient() {}

  static ApiResponse get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  static ApiResponse post(URI uri, String json) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static ApiResponse send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
