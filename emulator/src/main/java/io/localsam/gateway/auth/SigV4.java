package io.localsam.gateway.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that an {@code Authorization} header is a well-formed AWS Signature Version 4 header for
 * API Gateway ({@code AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/execute-api/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<64 hex>}) with an {@code X-Amz-Date} or {@code Date}
 * header beside it. The signature itself is not computed: LocalSAM has no credentials to check it
 * against.
 */
public final class SigV4 {
  private static final Pattern DATE = Pattern.compile("\\d{8}");
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

  /**
   * The result: the caller's access key id when well formed, else API Gateway's message for the
   * header.
   *
   * @param accessKey the access key id from {@code Credential}, when {@code problem} is null
   * @param problem the {@code IncompleteSignatureException} (or signature) message, or null
   */
  public record Check(String accessKey, String problem) {
    public boolean wellFormed() {
      return problem == null;
    }
  }

  private SigV4() {}

  public static Check check(String authorization, boolean hasDateHeader) {
    String text = authorization.strip();
    int space = text.indexOf(' ');
    String scheme = space < 0 ? text : text.substring(0, space);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (space > 0) {
      for (String part : text.substring(space + 1).split(",")) {
        int equals = part.indexOf('=');
        if (equals > 0) {
          parameters.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
        }
      }
    }
    // The messages API Gateway gives for an incomplete header, in its order
    // (IncompleteSignatureException)
    StringBuilder missing = new StringBuilder();
    if (!scheme.equals("AWS4-HMAC-SHA256") || !parameters.containsKey("Credential")) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (!scheme.equals("AWS4-HMAC-SHA256") || !parameters.containsKey("Signature")) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (!scheme.equals("AWS4-HMAC-SHA256") || !parameters.containsKey("SignedHeaders")) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (!hasDateHeader) {
      missing.append(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      return new Check(null, missing.append("Authorization=").append(text).toString());
    }
    String[] scope = parameters.get("Credential").split("/", -1);
    if (scope.length != 5
        || scope[0].isEmpty()
        || !DATE.matcher(scope[1]).matches()
        || scope[2].isEmpty()
        || !scope[4].equals("aws4_request")) {
      return new Check(null, "Credential should be scoped to a valid region. ");
    }
    if (!scope[3].equals("execute-api")) {
      return new Check(null, "Credential should be scoped to correct service: 'execute-api'. ");
    }
    if (!SIGNATURE.matcher(parameters.get("Signature")).matches()
        || parameters.get("SignedHeaders").isEmpty()) {
      return new Check(
          null,
          "The request signature we calculated does not match the signature you provided. "
              + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }
    return new Check(scope[0], null);
  }
}
