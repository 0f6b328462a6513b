package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.template.TemplateException;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A REST API's CORS is MOCK OPTIONS methods, one per resource, each answering with the static
 * values its integration response sets, exactly as written (AWS docs, "Enabling CORS for a REST API
 * resource"). SAM's translator writes them for Cors (samtranslator/swagger/swagger.py add_cors: the
 * values copied verbatim, AllowMethods computed from the path's methods only when it is absent);
 * CDK writes them as AWS::ApiGateway::Method resources; OpenAPI definitions as
 * x-amazon-apigateway-integration type mock.
 */
class RestCorsTest {
  private static final String PROXY_URI =
      "!Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
          + "${Fn.Arn}/invocations'";

  @TempDir Path folder;

  private TestApi start(String name, String template) throws Exception {
    return TestApi.start(Files.createDirectories(folder.resolve(name)), template);
  }

  private static Response preflight(TestApi api, String path) {
    return api.http()
        .send(
            "OPTIONS",
            path,
            new byte[0],
            "Origin",
            "https://site.example",
            "Access-Control-Request-Method",
            "PUT");
  }

  private static String function() {
    return """
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: java17, Handler: fixtures.Hello, Code: ${CODE}, Role: arn:aws:iam::123456789012:role/fn}
        """;
  }

  /**
   * CDK's shape: a resource, a proxy method and a MOCK OPTIONS method answering 204 with its own
   * methods.
   */
  private static String cdkResource(String id, String part, String method, String methods) {
    return """
          %1$sResource:
            Type: AWS::ApiGateway::Resource
            Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: %2$s}
          %1$sMethod:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !Ref %1$sResource
              HttpMethod: %3$s
              AuthorizationType: NONE
              Integration: {Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: %5$s}
          %1$sOptions:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !Ref %1$sResource
              HttpMethod: OPTIONS
              AuthorizationType: NONE
              Integration:
                Type: MOCK
                RequestTemplates: {application/json: "{ statusCode: 200 }"}
                IntegrationResponses:
                  - StatusCode: "204"
                    ResponseParameters:
                      method.response.header.Access-Control-Allow-Headers: "'Content-Type,Authorization'"
                      method.response.header.Access-Control-Allow-Origin: "'*'"
                      method.response.header.Access-Control-Allow-Methods: "'%4$s'"
              MethodResponses: [{StatusCode: "204"}]
        """
        .formatted(id, part, method, methods, PROXY_URI);
  }

  @Test
  void each_cdk_mock_options_method_answers_for_its_own_resource() throws Exception {
    try (TestApi api =
        start(
            "cdk",
            "Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties: {Name: cdk}\n"
                + cdkResource("Post", "post", "POST", "OPTIONS,POST")
                + cdkResource("Put", "put", "PUT", "OPTIONS,PUT")
                + """
          Other:
            Type: AWS::ApiGateway::Resource
            Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: other}
          OtherGet:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !Ref Other
              HttpMethod: GET
              AuthorizationType: NONE
              Integration: {Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: %s}
          Stage:
            Type: AWS::ApiGateway::Stage
            Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: x}
        """
                    .formatted(PROXY_URI)
                + function())) {
      Response put = preflight(api, "/put");
      Response post = preflight(api, "/post");

      assertEquals(204, put.status());
      assertEquals("OPTIONS,PUT", put.header("Access-Control-Allow-Methods"));
      assertEquals("Content-Type,Authorization", put.header("Access-Control-Allow-Headers"));
      assertEquals("*", put.header("Access-Control-Allow-Origin"));
      assertEquals("OPTIONS,POST", post.header("Access-Control-Allow-Methods"));
      assertEquals(
          403,
          preflight(api, "/other").status(),
          "a resource without an OPTIONS method has no preflight answer");
      assertEquals(200, api.http().get("/other").status());
    }
  }

  @Test
  void each_openapi_mock_options_operation_answers_for_its_own_path() throws Exception {
    try (TestApi api =
        start(
            "openapi",
            """
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Body:
                openapi: 3.0.1
                paths:
                  /post:
                    post:
                      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: %1$s}
                    options:
                      x-amazon-apigateway-integration:
                        type: mock
                        requestTemplates: {application/json: '{"statusCode": 200}'}
                        responses:
                          default:
                            statusCode: "200"
                            responseParameters:
                              method.response.header.Access-Control-Allow-Methods: "'OPTIONS,POST'"
                              method.response.header.Access-Control-Allow-Origin: "'https://site.example'"
                  /put:
                    put:
                      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: %1$s}
                    options:
                      x-amazon-apigateway-integration:
                        type: mock
                        responses:
                          default:
                            statusCode: "200"
                            responseParameters:
                              method.response.header.Access-Control-Allow-Methods: "'OPTIONS,PUT'"
                              method.response.header.Access-Control-Allow-Origin: "'https://site.example'"
          Stage:
            Type: AWS::ApiGateway::Stage
            Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: x}
        """
                    .formatted(PROXY_URI)
                + function())) {
      Response put = preflight(api, "/put");

      assertEquals(200, put.status());
      assertEquals("OPTIONS,PUT", put.header("Access-Control-Allow-Methods"));
      assertEquals("https://site.example", put.header("Access-Control-Allow-Origin"));
      assertEquals("OPTIONS,POST", preflight(api, "/post").header("Access-Control-Allow-Methods"));
    }
  }

  @Test
  void sam_cors_values_are_returned_as_written_and_allow_methods_is_computed_only_when_absent()
      throws Exception {
    try (TestApi api =
        start(
            "sam",
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Hello}
        Resources:
          Written:
            Type: AWS::Serverless::Api
            Properties:
              StageName: live
              Cors:
                AllowOrigin: "'https://a.example, https://b.example'"
                AllowHeaders: "'origin, x-requested-with'"
                AllowMethods: "'POST, GET'"
                MaxAge: "'600'"
          Star:
            Type: AWS::Serverless::Api
            Properties:
              StageName: live
              Cors: {AllowMethods: "'*'"}
          Computed:
            Type: AWS::Serverless::Api
            Properties:
              StageName: live
              Cors: "'https://c.example'"
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Written: {Type: Api, Properties: {RestApiId: !Ref Written, Path: /written, Method: post}}
                Star: {Type: Api, Properties: {RestApiId: !Ref Star, Path: /star, Method: post}}
                Computed: {Type: Api, Properties: {RestApiId: !Ref Computed, Path: /computed, Method: post}}
                ComputedGet: {Type: Api, Properties: {RestApiId: !Ref Computed, Path: /computed, Method: get}}
                Anything: {Type: Api, Properties: {RestApiId: !Ref Computed, Path: /anything, Method: any}}
        """)) {
      Response written = preflight(api, "/written");
      Response star = preflight(api, "/star");
      Response computed = preflight(api, "/computed");

      assertEquals(200, written.status());
      assertEquals(
          "https://a.example, https://b.example", written.header("Access-Control-Allow-Origin"));
      assertEquals("origin, x-requested-with", written.header("Access-Control-Allow-Headers"));
      assertEquals("POST, GET", written.header("Access-Control-Allow-Methods"));
      assertEquals("600", written.header("Access-Control-Max-Age"));
      assertEquals("*", star.header("Access-Control-Allow-Methods"));
      assertEquals(
          "*",
          star.header("Access-Control-Allow-Origin"),
          "AllowOrigin defaults to '*' (SAM's CorsProperties)");
      assertNull(star.header("Access-Control-Allow-Headers"));
      assertEquals("GET,OPTIONS,POST", computed.header("Access-Control-Allow-Methods"));
      assertEquals("https://c.example", computed.header("Access-Control-Allow-Origin"));
      assertEquals(
          "DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT",
          preflight(api, "/anything").header("Access-Control-Allow-Methods"));
    }
  }

  @Test
  void an_unquoted_cors_origin_is_refused_naming_the_api_and_what_to_write() throws Exception {
    String refused = refusal("unquoted", "Cors: example.com");

    assertTrue(
        refused.endsWith(
            "Api.Cors: 'example.com' is not in single quotes. SAM copies it as written into the"
                + " OPTIONS method that answers preflights, and API Gateway refuses that when deployed (\"Invalid mapping"
                + " expression specified\"); write Cors: \"'example.com'\""),
        refused);
  }

  @Test
  void sam_refuses_credentials_with_any_origin_and_keys_it_does_not_know() throws Exception {
    String credentials =
        refusal("credentials", "Cors: {AllowOrigin: \"'*'\", AllowCredentials: true}");
    String unknown = refusal("unknown", "Cors: {AllowOrigin: \"'*'\", AllowOrigins: \"'*'\"}");

    assertTrue(
        credentials.endsWith(
            "Api.Cors: AllowCredentials cannot be true when AllowOrigin is \"'*'\" or not set"
                + " (SAM refuses it; browsers refuse credentials with any origin)"),
        credentials);
    assertTrue(
        unknown.endsWith(
            "Api.Cors: unknown key 'AllowOrigins' (SAM knows AllowMethods, AllowHeaders, AllowOrigin,"
                + " MaxAge and AllowCredentials)"),
        unknown);
  }

  /** The message a template is refused with, whose API Api has the given Cors line. */
  private String refusal(String name, String cors) throws Exception {
    Path template =
        TestApi.writeTemplate(
            Files.createDirectories(folder.resolve(name)),
            """
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: live
              %s
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.Hello
              Events:
                Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /hello, Method: get}}
        """
                .formatted(cors));
    return assertThrows(
            TemplateException.class,
            () -> Emulator.start(EmulatorOptions.builder(template).port(0).log(line -> {}).build()))
        .getMessage();
  }
}
