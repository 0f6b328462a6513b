package io.localsam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import picocli.CommandLine.Model.CommandSpec;

/** What the {@code generate-event} services share: JSON building, SAM's encodings, and printing. */
final class SampleEvent {
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";
  static final String PARTITION = "aws";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SampleEvent() {}

  static ObjectNode object() {
    return JSON.objectNode();
  }

  static ArrayNode array() {
    return JSON.arrayNode();
  }

  static ArrayNode array(String... items) {
    ArrayNode array = JSON.arrayNode();
    for (String item : items) {
      array.add(item);
    }
    return array;
  }

  static ArrayNode array(JsonNode... items) {
    ArrayNode array = JSON.arrayNode();
    for (JsonNode item : items) {
      array.add(item);
    }
    return array;
  }

  /** Prints the event as SAM CLI does ({@code json.dumps(event, indent=2)} and a newline); exit code 0. */
  static int print(CommandSpec spec, JsonNode event) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(PythonJson.indented(event));
    out.flush();
    return 0;
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Python's {@code urllib.parse.quote(text)}, which SAM CLI applies to S3 keys: everything but {@code A-Za-z0-9_.-~/} is %-encoded. */
  static String urlQuote(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}. */
  static String arn(String partition, String service, String region, String account, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }
}
