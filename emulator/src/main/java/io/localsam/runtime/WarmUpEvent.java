package io.localsam.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An API Gateway proxy event's shape as a bean of LocalSAM's own, for {@link SerializerSpare} to
 * round-trip through AWS's Jackson ahead of the first request: strings, numbers, booleans, maps,
 * lists and a nested bean, as the event classes have.
 */
public final class WarmUpEvent {
  static final byte[] JSON =
      """
      {"resource": "/hello", "path": "/hello", "httpMethod": "GET",
       "headers": {"Accept": "*/*", "Host": "127.0.0.1:3000"},
       "multiValueHeaders": {"Accept": ["*/*"], "Host": ["127.0.0.1:3000"]},
       "queryStringParameters": null, "multiValueQueryStringParameters": null,
       "pathParameters": null, "stageVariables": null,
       "requestContext": {"accountId": "123456789012", "stage": "Prod",
                          "requestTimeEpoch": 1733328000000, "identity": {"sourceIp": "127.0.0.1"}},
       "body": null, "isBase64Encoded": false, "statusCode": 200}
      """
          .getBytes(StandardCharsets.UTF_8);

  private String resource;
  private String path;
  private String httpMethod;
  private Map<String, String> headers;
  private Map<String, List<String>> multiValueHeaders;
  private Map<String, String> queryStringParameters;
  private Map<String, List<String>> multiValueQueryStringParameters;
  private Map<String, String> pathParameters;
  private Map<String, String> stageVariables;
  private Context requestContext;
  private String body;
  private Boolean isBase64Encoded;
  private Integer statusCode;

  public String getResource() {
    return resource;
  }

  public void setResource(String resource) {
    this.resource = resource;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getHttpMethod() {
    return httpMethod;
  }

  public void setHttpMethod(String httpMethod) {
    this.httpMethod = httpMethod;
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

  public Map<String, String> getQueryStringParameters() {
    return queryStringParameters;
  }

  public void setQueryStringParameters(Map<String, String> queryStringParameters) {
    this.queryStringParameters = queryStringParameters;
  }

  public Map<String, List<String>> getMultiValueQueryStringParameters() {
    return multiValueQueryStringParameters;
  }

  public void setMultiValueQueryStringParameters(Map<String, List<String>> parameters) {
    this.multiValueQueryStringParameters = parameters;
  }

  public Map<String, String> getPathParameters() {
    return pathParameters;
  }

  public void setPathParameters(Map<String, String> pathParameters) {
    this.pathParameters = pathParameters;
  }

  public Map<String, String> getStageVariables() {
    return stageVariables;
  }

  public void setStageVariables(Map<String, String> stageVariables) {
    this.stageVariables = stageVariables;
  }

  public Context getRequestContext() {
    return requestContext;
  }

  public void setRequestContext(Context requestContext) {
    this.requestContext = requestContext;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
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

  /** The request context's shape: a nested bean with a long and another nested map. */
  public static final class Context {
    private String accountId;
    private String stage;
    private long requestTimeEpoch;
    private Map<String, String> identity;

    public String getAccountId() {
      return accountId;
    }

    public void setAccountId(String accountId) {
      this.accountId = accountId;
    }

    public String getStage() {
      return stage;
    }

    public void setStage(String stage) {
      this.stage = stage;
    }

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
