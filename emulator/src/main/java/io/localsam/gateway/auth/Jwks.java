package io.localsam.gateway.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON Web Key Set: the public keys JWT and Cognito authorizers check signatures with, found by
 * their {@code kid} as API Gateway finds them. RSA and EC ({@code P-256}, {@code P-384}, {@code
 * P-521}) signing keys are read, by nimbus-jose-jwt; encryption keys and other key types are
 * skipped.
 */
public final class Jwks {
  /** No keys: tokens are decoded without checking their signatures. */
  public static final Jwks NONE = new Jwks(Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, PublicKey> keys;

  private Jwks(Map<String, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /**
   * Reads a key set from where {@code --jwks} points: an {@code http(s)} URL, the JSON document
   * itself (text starting with <code>{</code>), or a file.
   *
   * @throws IllegalArgumentException with a sentence naming the location and the problem
   */
  public static Jwks load(String location) {
    String trimmed = location.strip();
    if (trimmed.startsWith("{")) {
      return parse(trimmed, "the JWKS given inline");
    }
    if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
      return parse(fetch(trimmed), trimmed);
    }
    Path file = Path.of(trimmed);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "JWKS file "
              + file.toAbsolutePath()
              + " does not exist (give a file, an http(s) URL"
              + " or the JSON itself)");
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "JWKS file " + file.toAbsolutePath() + " cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Reads a key set document; {@code source} names it in messages. */
  public static Jwks parse(String json, String source) {
    JsonNode document;
    try {
      document = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          source
              + " is not JSON: "
              + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
    JsonNode list = document == null ? null : document.get("keys");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(
          source + " is not a JSON Web Key Set: it needs a \"keys\" array");
    }
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (JsonNode key : list) {
      if (key.path("use").asText("sig").equals("enc")) {
        continue;
      }
      String kid = key.path("kid").asText("");
      String type = key.path("kty").asText("");
      if (!type.equals("RSA") && !type.equals("EC")) {
        continue;
      }
      if (kid.isEmpty()) {
        throw new IllegalArgumentException(
            source + ": a " + type + " key has no \"kid\"; API Gateway finds keys by kid");
      }
      try {
        keys.put(kid, publicKey(key));
      } catch (ParseException | JOSEException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + ": key " + kid + " cannot be read (" + e.getMessage() + ")");
      }
    }
    return new Jwks(keys);
  }

  /** The keys of both sets; on a shared {@code kid}, this set's key. */
  public Jwks plus(Jwks other) {
    Map<String, PublicKey> merged = new LinkedHashMap<>(other.keys);
    merged.putAll(keys);
    return new Jwks(merged);
  }

  /** The key with this {@code kid}, or null. */
  public PublicKey key(String kid) {
    return kid == null ? null : keys.get(kid);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  public int size() {
    return keys.size();
  }

  /**
   * The public key of a JWK (its numbers and curve checked by nimbus-jose-jwt, an EC point on its
   * curve).
   */
  private static PublicKey publicKey(JsonNode key) throws ParseException, JOSEException {
    JWK parsed = JWK.parse(key.toString());
    return parsed instanceof RSAKey rsa ? rsa.toRSAPublicKey() : parsed.toECKey().toECPublicKey();
  }

  private static String fetch(String url) {
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(10))
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalArgumentException(
            "JWKS URL " + url + " answered HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalArgumentException("JWKS URL " + url + " cannot be read (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted while reading JWKS URL " + url);
    }
  }
}
