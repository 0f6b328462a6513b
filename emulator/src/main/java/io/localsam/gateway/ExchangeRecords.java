package io.localsam.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Turns a request and its answer into the {@link GatewayExchange} the journal keeps. */
final class ExchangeRecords {
  private static final int MAX_ANSWER_BYTES = 256 * 1024;

  private ExchangeRecords() {}

  static GatewayExchange of(GatewayRequest request, String functionRequestId, GatewayResponse response) {
    List<Map.Entry<String, List<String>>> headers = new ArrayList<>();
    request.headers().forEach(header -> headers.add(Map.entry(header.name(), List.copyOf(header.values()))));
    String text = utf8(request.body());
    long now = System.currentTimeMillis();
    return new GatewayExchange(request.requestId(), functionRequestId, request.method(), request.rawPath(),
        request.rawQuery() == null ? "" : request.rawQuery(), headers,
        text != null ? text : Base64.getEncoder().encodeToString(request.body()), text == null,
        Instant.ofEpochMilli(request.epochMillis()), response.status(), List.copyOf(response.headers()),
        answer(response.body()), Duration.ofMillis(Math.max(0, now - request.epochMillis())));
  }

  /** The answer's body as text, its first 256 KB: the function's own response is in the journal whole. */
  private static String answer(byte[] body) {
    return body.length <= MAX_ANSWER_BYTES ? new String(body, StandardCharsets.UTF_8)
        : new String(body, 0, MAX_ANSWER_BYTES, StandardCharsets.UTF_8) + "[... " + (body.length - MAX_ANSWER_BYTES)
            + " more bytes not kept]";
  }

  /** The bytes as text when they are UTF-8, else null. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
