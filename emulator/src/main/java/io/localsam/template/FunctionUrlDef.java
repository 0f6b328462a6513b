package io.localsam.template;

import java.util.Objects;

/**
 * A function's {@code FunctionUrlConfig}: recorded for the gateway, which serves function URLs.
 *
 * @param authType {@code NONE} or {@code AWS_IAM}
 * @param cors the URL's {@code Cors}, or {@code null}
 * @param invokeMode {@code BUFFERED} (the default) or {@code RESPONSE_STREAM}
 */
public record FunctionUrlDef(String authType, CorsConfig cors, String invokeMode) {
  public FunctionUrlDef {
    Objects.requireNonNull(authType, "authType");
    invokeMode = invokeMode == null ? "BUFFERED" : invokeMode;
  }
}
