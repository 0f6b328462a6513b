package io.localsam.gateway;

import java.util.List;
import java.util.Locale;

/**
 * Media-type checks for binary bodies, as REST APIs (binary media types) and HTTP APIs (text or
 * not) make them.
 */
final class MediaTypes {
  private MediaTypes() {}

  /** {@code image/png} from {@code Image/PNG; charset=x}; empty for none. */
  static String essence(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** True when {@code type} falls under {@code range} ({@code * /*}, {@code image/*} or exact). */
  static boolean matches(String range, String type) {
    String r = essence(range);
    if (r.equals("*/*") || r.equals(type)) {
      return true;
    }
    return r.endsWith("/*") && type.startsWith(r.substring(0, r.length() - 1));
  }

  /**
   * REST APIs treat a body as binary when its Content-Type is one of the API's binary media types.
   */
  static boolean isBinary(String contentType, List<String> binaryMediaTypes) {
    String type = essence(contentType);
    for (String binary : binaryMediaTypes) {
      if (essence(binary).equals("*/*") || (!type.isEmpty() && matches(binary, type))) {
        return true;
      }
    }
    return false;
  }

  /** HTTP APIs pass text bodies as they are and base64-encode everything else. */
  static boolean isText(String contentType) {
    String type = essence(contentType);
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/javascript")
        || type.equals("application/graphql");
  }
}
