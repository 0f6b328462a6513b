package io.localsam.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localsam.host.BuildInfo;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin API under {@code /__localsam/api/}: JSON in and out, documented in the README's "Web
 * console and admin API". Runs on a worker thread (a replay waits for the gateway's answer); bad
 * input gets a 4xx with one {@code message}, never a stack trace.
 */
final class AdminApi {
  static final String PREFIX = "/__localsam/api/";
  private static final Pattern INVOCATION = Pattern.compile("invocations/([^/]+)(/replay)?");
  private static final int MAX_BODY = 1024 * 1024;
  private static final int DEFAULT_LIMIT = 100;

  private final ConsoleSource source;
  private final Replay replay;
  private final Runnable resetListeners;
  private final Consumer<String> log;
  private final Instant started = Instant.now();

  AdminApi(ConsoleSource source, Runnable resetListeners, Consumer<String> log) {
    this.source = source;
    this.replay = new Replay(source);
    this.resetListeners = resetListeners;
    this.log = log;
  }

  /** Answers {@code exchange}, whose path is {@code /__localsam/api/} + {@code endpoint}. */
  void handle(HttpServerExchange exchange, String endpoint) {
    String method = exchange.getRequestMethod().toString();
    try {
      answer(exchange, method, endpoint);
    } catch (BadRequest bad) {
      send(exchange, bad.status, message(bad.getMessage()));
    } catch (Exception unexpected) { // never a stack trace in an answer, never a dead server
      log.accept("Admin API: " + method + " " + PREFIX + endpoint + " failed: " + unexpected);
      send(exchange, 500, message("The admin API could not answer: " + unexpected.getMessage()));
    }
  }

  private void answer(HttpServerExchange exchange, String method, String endpoint)
      throws Exception {
    switch (endpoint) {
      case "health" -> send(exchange, 200, allow(method, "GET", health()));
      case "routes" -> {
        allow(method, "GET", null);
        ObjectNode node = AdminJson.JSON.createObjectNode();
        node.set("routes", RoutesJson.of(source.template()));
        source.apiKeys().forEach(node.putArray("apiKeys")::add);
        send(exchange, 200, node);
      }
      case "functions" -> {
        allow(method, "GET", null);
        ObjectNode node = AdminJson.JSON.createObjectNode();
        ArrayNode functions = node.putArray("functions");
        source.functions().forEach(function -> functions.add(AdminJson.function(function)));
        send(exchange, 200, node);
      }
      case "invocations" -> send(exchange, 200, allow(method, "GET", invocations(exchange)));
      case "reset" -> {
        allow(method, "POST", null);
        source.reset();
        resetListeners.run();
        ObjectNode node = AdminJson.JSON.createObjectNode();
        node.put("reset", true);
        send(exchange, 200, node);
      }
      case "tokens" -> {
        allow(method, "POST", null);
        ObjectNode node = AdminJson.JSON.createObjectNode();
        try {
          node.put("token", TokenRequest.sign(body(exchange)));
        } catch (IllegalArgumentException e) {
          throw new BadRequest(400, "Cannot mint a token: " + e.getMessage());
        }
        send(exchange, 200, node);
      }
      default -> {
        Matcher invocation = INVOCATION.matcher(endpoint);
        if (!invocation.matches()) {
          throw new BadRequest(
              404,
              "No admin endpoint "
                  + PREFIX
                  + endpoint
                  + "; there are health, routes, functions,"
                  + " invocations, invocations/{id}, invocations/{id}/replay, reset, tokens and stream");
        }
        ConsoleInvocation found = invocation(invocation.group(1));
        if (invocation.group(2) == null) {
          send(exchange, 200, allow(method, "GET", AdminJson.detail(found)));
        } else {
          allow(method, "POST", null);
          send(exchange, 200, replay.replay(found));
        }
      }
    }
  }

  private ObjectNode health() {
    ObjectNode node = AdminJson.JSON.createObjectNode();
    node.put("status", "UP");
    node.put("version", BuildInfo.version());
    node.put("startedAt", started.toString());
    node.put("baseUrl", source.baseUri().toString());
    node.put("template", source.template().file().toString());
    node.put("functions", source.template().functions().size());
    node.put("routes", source.template().routes().size());
    node.put("invocations", source.invocations().size());
    return node;
  }

  /** {@code GET invocations?function=&status=&since=&until=&limit=}: newest first. */
  private ObjectNode invocations(HttpServerExchange exchange) {
    String function = query(exchange, "function");
    Predicate<ConsoleInvocation> status = StatusFilter.parse(query(exchange, "status"));
    Instant since = instant(query(exchange, "since"), "since");
    Instant until = instant(query(exchange, "until"), "until");
    int limit = limit(query(exchange, "limit"));
    List<? extends ConsoleInvocation> all = source.invocations();
    ObjectNode node = AdminJson.JSON.createObjectNode();
    ArrayNode list = node.putArray("invocations");
    for (int i = all.size() - 1; i >= 0 && list.size() < limit; i--) {
      ConsoleInvocation invocation = all.get(i);
      if ((function == null || function.equals(invocation.functionId()))
          && status.test(invocation)
          && (since == null || !invocation.startedAt().isBefore(since))
          && (until == null || invocation.startedAt().isBefore(until))) {
        list.add(AdminJson.detail(invocation));
      }
    }
    return node;
  }

  private ConsoleInvocation invocation(String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadRequest(
          404, "No invocation " + id + ": invocation ids are the journal's numbers (1, 2, ...)");
    }
    ConsoleInvocation found = source.invocation(number);
    if (found == null) {
      throw new BadRequest(
          404,
          "No invocation "
              + id
              + " in the journal (it keeps the newest 1000, and reset empties it)");
    }
    return found;
  }

  private static String query(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() || values.peekLast().isEmpty()
        ? null
        : values.peekLast();
  }

  private static Instant instant(String text, String name) {
    if (text == null) {
      return null;
    }
    try {
      return text.chars().allMatch(Character::isDigit)
          ? Instant.ofEpochMilli(Long.parseLong(text))
          : Instant.parse(text);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new BadRequest(
          400,
          name
              + " must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds, not '"
              + text
              + "'");
    }
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit > 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequest(400, "limit must be a positive whole number, not '" + text + "'");
  }

  private static JsonNode body(HttpServerExchange exchange) throws IOException {
    exchange.startBlocking();
    byte[] bytes;
    try (InputStream in = exchange.getInputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY) {
      throw new BadRequest(413, "The body is over the admin API's 1 MB limit");
    }
    if (bytes.length == 0) {
      return null;
    }
    try {
      return AdminJson.JSON.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequest(400, "The body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static <T> T allow(String method, String allowed, T result) {
    if (!method.equals(allowed)) {
      throw new BadRequest(405, "Use " + allowed + " here, not " + method);
    }
    return result;
  }

  private static ObjectNode message(String text) {
    ObjectNode node = AdminJson.JSON.createObjectNode();
    node.put("message", text);
    return node;
  }

  static void send(HttpServerExchange exchange, int status, JsonNode body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(body.toString(), StandardCharsets.UTF_8);
  }

  /** A request the API refuses, with its status and one sentence. */
  static final class BadRequest extends RuntimeException {
    final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }
}
