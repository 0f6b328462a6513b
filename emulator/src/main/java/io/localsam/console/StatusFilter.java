package io.localsam.console;

import io.localsam.gateway.GatewayExchange;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code status} filter of {@code GET /__localsam/api/invocations}: {@code ok} (the function
 * did not fail), {@code error} (it did), an HTTP status ({@code 502}) or a class of them ({@code
 * 4xx}); several comma-separated.
 */
final class StatusFilter {
  private static final Pattern CODE = Pattern.compile("[1-5][0-9x]{2}");

  private StatusFilter() {}

  static Predicate<ConsoleInvocation> parse(String text) {
    if (text == null) {
      return invocation -> true;
    }
    Predicate<ConsoleInvocation> any = invocation -> false;
    for (String part : text.split(",")) {
      any = any.or(one(part.strip().toLowerCase(java.util.Locale.ROOT)));
    }
    return any;
  }

  private static Predicate<ConsoleInvocation> one(String part) {
    if (part.equals("ok")) {
      return invocation -> invocation.error() == null;
    }
    if (part.equals("error")) {
      return invocation -> invocation.error() != null;
    }
    if (!CODE.matcher(part).matches()) {
      throw new AdminApi.BadRequest(
          400,
          "status must be ok, error, an HTTP status (502) or a class of them (5xx),"
              + " comma-separated, not '"
              + part
              + "'");
    }
    return invocation -> {
      GatewayExchange request = invocation.request();
      if (request == null) {
        return false;
      }
      String status = Integer.toString(request.status());
      for (int i = 0; i < 3; i++) {
        if (part.charAt(i) != 'x' && part.charAt(i) != status.charAt(i)) {
          return false;
        }
      }
      return true;
    };
  }
}
