package io.localsam.cli;

import static io.localsam.cli.SampleEvent.array;
import static io.localsam.cli.SampleEvent.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate-event apigateway ...}: the REST proxy event (payload 1.0), the HTTP API event (2.0)
 * and the Lambda authorizer events, with SAM CLI's options and defaults.
 */
@Command(name = "apigateway", mixinStandardHelpOptions = true, description = "Amazon API Gateway events.")
final class ApiGatewayEvents extends EventGroup {
  private static final String[][] PROXY_HEADERS = {
      {"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8"},
      {"Accept-Encoding", "gzip, deflate, sdch"},
      {"Accept-Language", "en-US,en;q=0.8"},
      {"Cache-Control", "max-age=0"},
      {"CloudFront-Forwarded-Proto", "https"},
      {"CloudFront-Is-Desktop-Viewer", "true"},
      {"CloudFront-Is-Mobile-Viewer", "false"},
      {"CloudFront-Is-SmartTV-Viewer", "false"},
      {"CloudFront-Is-Tablet-Viewer", "false"},
      {"CloudFront-Viewer-Country", "US"},
      {"Host", null}, // 1234567890.execute-api.DNS_SUFFIX
      {"Upgrade-Insecure-Requests", "1"},
      {"User-Agent", "Custom User Agent String"},
      {"Via", "1.1 08f323deadbeefa7af34d5feb414ce27.cloudfront.net (CloudFront)"},
      {"X-Amz-Cf-Id", "cDehVQoZnx43VYQb9j2-nvCh-9z396Uhbp027Y2JvkCPNLmGJHqlaA=="},
      {"X-Forwarded-For", "127.0.0.1, 127.0.0.2"},
      {"X-Forwarded-Port", "443"},
      {"X-Forwarded-Proto", "https"}};

  @Command(name = "aws-proxy", description = "Generates an Amazon API Gateway AWS Proxy Event (REST API, payload 1.0).")
  int awsProxy(
      @Option(names = "--body", defaultValue = "{\"test\":\"body\"}", description = "Request body, base64-encoded into the event (default: ${DEFAULT-VALUE}).") String body,
      @Option(names = "--stage", defaultValue = "prod", description = "Stage (default: ${DEFAULT-VALUE}).") String stage,
      @Option(names = "--method", defaultValue = "POST", description = "HTTP method (default: ${DEFAULT-VALUE}).") String method,
      @Option(names = "--resource", defaultValue = "/{proxy+}", description = "Resource path template (default: ${DEFAULT-VALUE}).") String resource,
      @Option(names = "--path", defaultValue = "path/to/resource", description = "Request path (default: ${DEFAULT-VALUE}).") String path,
      @Option(names = "--querystringparameters", defaultValue = "foo=bar", description = "Query string, a=1&b=2 (default: ${DEFAULT-VALUE}).") String query,
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--dns-suffix", defaultValue = "us-east-1.amazonaws.com", description = "DNS suffix of the API's host (default: ${DEFAULT-VALUE}).") String dnsSuffix) {
    String requestPath = "/" + stripSlash(path);
    Map<String, ArrayNode> parameters = queryParameters(query);
    ObjectNode single = object();
    ObjectNode multi = object();
    parameters.forEach((name, values) -> {
      single.put(name, values.get(values.size() - 1).asText()); // as API Gateway: the last value
      multi.set(name, values);
    });
    ObjectNode headers = object();
    ObjectNode multiHeaders = object();
    for (String[] header : PROXY_HEADERS) {
      String value = header[1] != null ? header[1] : "1234567890.execute-api." + dnsSuffix;
      headers.put(header[0], value);
      multiHeaders.set(header[0], array(value));
    }
    ObjectNode identity = object();
    for (String name : new String[] {"cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "accessKey"}) {
      identity.putNull(name);
    }
    identity.put("sourceIp", "127.0.0.1");
    identity.putNull("cognitoAuthenticationType");
    identity.putNull("cognitoAuthenticationProvider");
    identity.putNull("userArn");
    identity.put("userAgent", "Custom User Agent String");
    identity.putNull("user");
    ObjectNode event = object()
        .put("body", SampleEvent.base64(body))
        .put("resource", resource)
        .put("path", requestPath)
        .put("httpMethod", method)
        .put("isBase64Encoded", true);
    event.set("queryStringParameters", parameters.isEmpty() ? null : single);
    event.set("multiValueQueryStringParameters", parameters.isEmpty() ? null : multi);
    event.set("pathParameters", object().put("proxy", requestPath));
    event.set("stageVariables", object().put("baz", "qux"));
    event.set("headers", headers);
    event.set("multiValueHeaders", multiHeaders);
    ObjectNode context = object()
        .put("accountId", account)
        .put("resourceId", "123456")
        .put("stage", stage)
        .put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
        .put("requestTime", "09/Apr/2015:12:34:56 +0000")
        .put("requestTimeEpoch", 1428582896000L);
    context.set("identity", identity);
    context.put("path", "/" + stage + requestPath)
        .put("resourcePath", resource)
        .put("httpMethod", method)
        .put("apiId", "1234567890")
        .put("protocol", "HTTP/1.1");
    event.set("requestContext", context);
    return SampleEvent.print(spec, event);
  }

  @Command(name = "http-api-proxy", description = "Generates an Amazon API Gateway Http API Event (payload 2.0).")
  int httpApiProxy(
      @Option(names = "--body", defaultValue = "{\"test\":\"body\"}", description = "Request body, base64-encoded into the event (default: ${DEFAULT-VALUE}).") String body,
      @Option(names = "--stage", defaultValue = "$default", description = "Stage (default: ${DEFAULT-VALUE}).") String stage,
      @Option(names = "--method", defaultValue = "POST", description = "HTTP method (default: ${DEFAULT-VALUE}).") String method,
      @Option(names = "--path", defaultValue = "path/to/resource", description = "Request path (default: ${DEFAULT-VALUE}).") String path,
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--dns-suffix", defaultValue = "us-east-1.amazonaws.com", description = "DNS suffix of the API's host (default: ${DEFAULT-VALUE}).") String dnsSuffix) {
    String requestPath = "/" + stripSlash(path);
    ObjectNode jwt = object();
    jwt.set("claims", object().put("claim1", "value1").put("claim2", "value2"));
    jwt.set("scopes", array("scope1", "scope2"));
    ObjectNode context = object().put("accountId", account).put("apiId", "api-id");
    context.set("authentication", object().set("clientCert", clientCert()));
    context.set("authorizer", object().set("jwt", jwt));
    context.put("domainName", "id.execute-api." + dnsSuffix).put("domainPrefix", "id");
    context.set("http", object()
        .put("method", method)
        .put("path", requestPath)
        .put("protocol", "HTTP/1.1")
        .put("sourceIp", "192.168.0.1")
        .put("userAgent", "agent"));
    context.put("requestId", "id")
        .put("routeKey", "$default")
        .put("stage", stage)
        .put("time", "12/Mar/2020:19:03:58 +0000")
        .put("timeEpoch", 1583348638390L);
    ObjectNode event = object()
        .put("version", "2.0")
        .put("routeKey", "$default")
        .put("rawPath", requestPath)
        .put("rawQueryString", "parameter1=value1&parameter1=value2&parameter2=value");
    event.set("cookies", array("cookie1", "cookie2"));
    event.set("headers", object().put("Header1", "value1").put("Header2", "value1,value2"));
    event.set("queryStringParameters", object().put("parameter1", "value1,value2").put("parameter2", "value"));
    event.set("requestContext", context);
    event.put("body", SampleEvent.base64(body));
    event.set("pathParameters", object().put("parameter1", "value1"));
    event.put("isBase64Encoded", true);
    event.set("stageVariables", object().put("stageVariable1", "value1").put("stageVariable2", "value2"));
    return SampleEvent.print(spec, event);
  }

  @Command(name = "authorizer", description = "Generates an Amazon API Gateway Authorizer Event (TOKEN authorizer).")
  int authorizer(
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--stage", defaultValue = "prod", description = "Stage (default: ${DEFAULT-VALUE}).") String stage,
      @Option(names = "--method", defaultValue = "POST", description = "HTTP method (default: ${DEFAULT-VALUE}).") String method,
      @Option(names = "--resource", defaultValue = "{proxy+}", description = "Resource path (default: ${DEFAULT-VALUE}).") String resource,
      @Option(names = {"--restApiId", "--rest-api-id"}, defaultValue = "example", description = "REST API id (default: ${DEFAULT-VALUE}).") String restApiId,
      @Option(names = "--token", defaultValue = "incoming-client-token", description = "The caller's token (default: ${DEFAULT-VALUE}).") String token) {
    ObjectNode event = object()
        .put("type", "TOKEN")
        .put("authorizationToken", token)
        .put("methodArn", methodArn(partition, region, account, restApiId, stage, method, resource));
    return SampleEvent.print(spec, event);
  }

  @Command(name = "request-authorizer", description = "Generates an Amazon API Gateway Request Authorizer Event (REQUEST authorizer).")
  int requestAuthorizer(
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--stage", defaultValue = "test", description = "Stage (default: ${DEFAULT-VALUE}).") String stage,
      @Option(names = "--method", defaultValue = "GET", description = "HTTP method (default: ${DEFAULT-VALUE}).") String method,
      @Option(names = "--resource", defaultValue = "request", description = "Resource path (default: ${DEFAULT-VALUE}).") String resource,
      @Option(names = {"--restApiId", "--rest-api-id"}, defaultValue = "abcdef123", description = "REST API id (default: ${DEFAULT-VALUE}).") String restApiId) {
    String path = "/" + stripSlash(resource);
    ObjectNode headers = object()
        .put("X-AMZ-Date", "20170718T062915Z")
        .put("Accept", "*/*")
        .put("HeaderAuth1", "headerValue1")
        .put("CloudFront-Viewer-Country", "US")
        .put("CloudFront-Forwarded-Proto", "https")
        .put("CloudFront-Is-Tablet-Viewer", "false")
        .put("CloudFront-Is-Mobile-Viewer", "false")
        .put("User-Agent", "Custom User Agent String");
    ObjectNode identity = object().put("apiKey", "test-invoke-api-key").put("sourceIp", "127.0.0.1");
    identity.set("clientCert", clientCert());
    ObjectNode context = object()
        .put("path", path)
        .put("accountId", account)
        .put("resourceId", "05c7jb")
        .put("stage", stage)
        .put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    context.set("identity", identity);
    context.put("resourcePath", path).put("httpMethod", method).put("apiId", restApiId);
    ObjectNode event = object()
        .put("type", "REQUEST")
        .put("methodArn", methodArn(partition, region, account, restApiId, stage, method, resource))
        .put("resource", path)
        .put("path", path)
        .put("httpMethod", method);
    event.set("headers", headers);
    event.set("queryStringParameters", object().put("QueryString1", "queryValue1"));
    event.set("pathParameters", object());
    event.set("stageVariables", object().put("StageVar1", "stageValue1"));
    event.set("requestContext", context);
    return SampleEvent.print(spec, event);
  }

  /** The mutual-TLS client certificate API Gateway describes in the event. */
  private static ObjectNode clientCert() {
    ObjectNode clientCert = object()
        .put("clientCertPem", "CERT_CONTENT")
        .put("subjectDN", "www.example.com")
        .put("issuerDN", "Example issuer")
        .put("serialNumber", "a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1");
    clientCert.set("validity", object().put("notBefore", "May 28 12:30:02 2019 GMT").put("notAfter", "Aug  5 09:36:04 2021 GMT"));
    return clientCert;
  }

  private static String methodArn(String partition, String region, String account, String api, String stage,
      String method, String resource) {
    return SampleEvent.arn(partition, "execute-api", region, account, api + "/" + stage + "/" + method + "/" + stripSlash(resource));
  }

  private static String stripSlash(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** {@code a=1&a=2&b} as API Gateway reads a query string: every value of each name, in order. */
  private static Map<String, ArrayNode> queryParameters(String query) {
    Map<String, ArrayNode> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.computeIfAbsent(name, n -> array()).add(value);
    }
    return parameters;
  }
}
