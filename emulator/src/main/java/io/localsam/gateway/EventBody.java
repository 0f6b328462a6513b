package io.localsam.gateway;

import io.localsam.template.ApiKind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A request body as an event carries it: text, or base64 with {@code isBase64Encoded} set. */
record EventBody(String text, boolean base64) {

  /**
   * The request's body as the route's API sends it. REST APIs: base64 when the Content-Type is one
   * of the API's binary media types. HTTP APIs: text for a text Content-Type, or with none for
   * valid UTF-8; base64 otherwise.
   */
  static EventBody of(GatewayRequest request, Route route) {
    String contentType = request.header("Content-Type");
    boolean binary =
        route.api().kind() == ApiKind.HTTP
            ? contentType == null ? !isUtf8(request.body()) : !MediaTypes.isText(contentType)
            : MediaTypes.isBinary(contentType, route.api().binaryMediaTypes());
    return of(request.body(), binary);
  }

  private static EventBody of(byte[] body, boolean binary) {
    if (body.length == 0) {
      return new EventBody(null, false);
    }
    if (binary) {
      return new EventBody(Base64.getEncoder().encodeToString(body), true);
    }
    return new EventBody(new String(body, StandardCharsets.UTF_8), false);
  }

  /** True when the bytes are valid UTF-8, so a body without a Content-Type can travel as text. */
  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
