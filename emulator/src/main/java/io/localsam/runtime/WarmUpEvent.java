package io.localsam.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An API Gateway proxy event's shape as a bean of LocalSAM's own, for {@link SerializerSpare} to
 * round-trip through AWS's Jackson ahead of the first request: a string, maps of strings and of
 * lists, a nested bean with a long, a boolean and a number, read through setters as the event
 * classes are.
 */
public final class WarmUpEvent {
  static final byte[] JSON =
      """
      {"path": "/hello",
       "headers": {"Accept": "*/*", "Host": "127.0.0.1:3000"},
       "multiValueHeaders": {"Accept": ["*/*"], "Host": ["127.0.0.1:3000"]},
       "requestContext": {"requestTimeEpoch": 1733328000000, "identity": {"sourceIp": "127.0.0.1"}},
       "isBase64Encoded": false, "statusCode": 200}
      """
          .getBytes(StandardCharsets.UTF_8);

  private String path;
  private Map<String, String> headers;
  private Map<String, List<String>> multiValueHeaders;
  private Context requestContext;
  private Boolean isBase64Encoded;
  private Integer statusCode;

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public Map<String, String> getHeaders() {
    return headers;
  }

  public void setHeaders(Map<String, String> headers) {
    this.headers = headers;
  }

  public Map<String, List<String>> getMultiValueHeaders() {
    return multiValueHeaders;
  }

  public void setMultiValueHeaders(Map<String, List<String>> multiValueHeaders) {
    this.multiValueHeaders = multiValueHeaders;
  }

  public Context getRequestContext() {
    return requestContext;
  }

  public void setRequestContext(Context requestContext) {
    this.requestContext = requestContext;
  }

  public Boolean getIsBase64Encoded() {
    return isBase64Encoded;
  }

  public void setIsBase64Encoded(Boolean isBase64Encoded) {
    this.isBase64Encoded = isBase64Encoded;
  }

  public Integer getStatusCode() {
    return statusCode;
  }

  public void setStatusCode(Integer statusCode) {
    this.statusCode = statusCode;
  }

  /** The request context's shape: a nested bean with a long and a map. */
  public static final class Context {
    private long requestTimeEpoch;
    private Map<String, String> identity;

    public long getRequestTimeEpoch() {
      return requestTimeEpoch;
    }

    public void setRequestTimeEpoch(long requestTimeEpoch) {
      this.requestTimeEpoch = requestTimeEpoch;
    }

    public Map<String, String> getIdentity() {
      return identity;
    }

    public void setIdentity(Map<String, String> identity) {
      this.identity = identity;
    }
  }
}
