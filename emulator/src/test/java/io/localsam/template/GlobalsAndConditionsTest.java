package io.localsam.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Globals merged by the SAM translator's rules (README, Template), and resource Conditions
 * evaluated as deployed.
 */
class GlobalsAndConditionsTest {
  @TempDir Path folder;

  @Test
  void merge_takes_local_primitives_merges_maps_and_joins_lists_global_first() {
    Map<String, Object> global =
        Map.of(
            "Timeout", 10,
            "Environment", Map.of("Variables", Map.of("A", "global", "B", "global")),
            "Layers", List.of("g1"),
            "Handler", Map.of("Fn::Sub", "x"));
    Map<String, Object> local =
        Map.of(
            "Timeout", 5,
            "Environment", Map.of("Variables", Map.of("B", "local", "C", "local")),
            "Layers", List.of("l1"),
            "Handler", Map.of("Ref", "H"));

    Map<String, Object> merged = Globals.merge(global, local);

    assertEquals(5, merged.get("Timeout"));
    assertEquals(
        Map.of("Variables", Map.of("A", "global", "B", "local", "C", "local")),
        merged.get("Environment"));
    assertEquals(List.of("g1", "l1"), merged.get("Layers"));
    assertEquals(
        Map.of("Ref", "H"), merged.get("Handler"), "an intrinsic is a value, not a map to merge");
  }

  @Test
  void ignore_globals_by_name_keeps_the_other_globals() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Globals:
          Function:
            Runtime: java17
            Timeout: 9
            MemorySize: 1024
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            IgnoreGlobals: [MemorySize]
            Properties:
              Handler: app.Fn::handleRequest
        """);

    FunctionDef fn = template.function("Fn").orElseThrow();
    assertEquals(9, fn.timeoutSeconds());
    assertEquals(128, fn.memorySize());
  }

  @Test
  void active_tracing_comes_from_globals_the_function_or_cloudformations_tracing_config() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Globals:
          Function: {Runtime: java17, Handler: app.Fn, CodeUri: ., Tracing: Active}
        Resources:
          FromGlobals:
            Type: AWS::Serverless::Function
          PassThrough:
            Type: AWS::Serverless::Function
            Properties: {Tracing: PassThrough}
          Plain:
            Type: AWS::Lambda::Function
            Properties: {Runtime: java17, Handler: app.Fn, Code: ., TracingConfig: {Mode: Active}}
        """);

    assertTrue(template.function("FromGlobals").orElseThrow().activeTracing());
    assertFalse(template.function("PassThrough").orElseThrow().activeTracing());
    assertTrue(template.function("Plain").orElseThrow().activeTracing());
  }

  @Test
  void globals_errors_name_the_section_and_property() {
    TemplateFiles files = new TemplateFiles(folder);
    String resources =
        "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: java17, Handler: a.B}\n";

    assertTrue(
        files
            .error("Globals:\n  Functions:\n    Timeout: 3\n" + resources)
            .startsWith(
                "$DIR/template.yaml:2:3: Globals has an unknown section 'Functions' (SAM knows Api, CapacityProvider,"));
    assertEquals(
        "$DIR/template.yaml:3:5: Globals.Function.FunctionName is not supported: SAM does not allow FunctionName in"
            + " Globals",
        files.error("Globals:\n  Function:\n    FunctionName: x\n" + resources));
    assertEquals(
        "$DIR/template.yaml:3:5: Globals.Api.StageName is not supported: SAM does not allow StageName in Globals",
        files.error("Globals:\n  Api:\n    StageName: v1\n" + resources));
    assertTrue(
        files
            .error("Globals:\n  HttpApi:\n    StageName: v1\n" + resources)
            .startsWith(
                "$DIR/template.yaml:3:5: Globals.HttpApi.StageName is not supported: SAM takes only AccessLogSettings,"));
  }

  @Test
  void globals_api_reaches_the_implicit_api_but_never_its_stage() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Globals:
          Api:
            Variables: {mode: global}
            Cors: "'https://a.example'"
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              Handler: app.Fn::handleRequest
              Events:
                Get: {Type: Api, Properties: {Path: /x, Method: get}}
        """);

    ApiDef api = template.api("ServerlessRestApi");
    assertEquals("Prod", api.stageName());
    assertEquals(Map.of("mode", "global"), api.stageVariables());
    assertEquals(
        "https://a.example",
        api.optionsMocks().get(0).headers().get("Access-Control-Allow-Origin"));
  }

  @Test
  void a_resource_whose_condition_is_false_does_not_exist() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Parameters:
          Env: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          ProdOnly:
            Type: AWS::Serverless::Function
            Condition: IsProd
            Properties:
              Runtime: java17
              Handler: app.Prod::handleRequest
              Events:
                Get: {Type: Api, Properties: {Path: /prod, Method: get}}
          Always:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              Handler: app.Always::handleRequest
              Events:
                Get: {Type: HttpApi, Properties: {Path: /always, Method: get}}
        """);

    assertFalse(template.function("ProdOnly").isPresent());
    assertEquals(List.of("/always"), template.routes().stream().map(RouteDef::path).toList());
    assertFalse(
        template.apis().containsKey("ServerlessRestApi"), "an API with no routes is not served");
  }

  @Test
  void condition_errors_name_the_condition() {
    TemplateFiles files = new TemplateFiles(folder);
    String function =
        "    Type: AWS::Serverless::Function\n    Properties: {Runtime: java17, Handler: a.B}\n";

    assertEquals(
        "$DIR/template.yaml:3:5: condition 'Missing' is not defined in Conditions",
        files.error("Resources:\n  Fn:\n    Condition: Missing\n" + function));
    assertEquals(
        "$DIR/template.yaml:2:9: condition 'Loop' depends on itself: Loop -> Loop",
        files.error(
            "Conditions:\n  Loop: !Not [Condition: Loop]\nResources:\n  Fn:\n    Condition: Loop\n"
                + function));
    assertEquals(
        "$DIR/template.yaml:2:8: Conditions.Odd is not a condition (Fn::Equals, Fn::And, ...)",
        files.error(
            "Conditions:\n  Odd: [1, 2]\nResources:\n  Fn:\n    Condition: Odd\n" + function));
  }

  @Test
  void a_websocket_api_is_read_apart_from_the_http_routes() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Resources:
          Socket:
            Type: AWS::ApiGatewayV2::Api
            Properties: {ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          Connect:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Socket, RouteKey: $connect, Target: !Sub "integrations/${Integration}"}
          Integration:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Socket, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn}
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: java17, Handler: a.B, Code: app}
        """);

    assertEquals(List.of(), template.routes());
    assertEquals("Fn", template.webSocketApis().get(0).route("$connect").functionId());
    assertEquals(
        List.of(
            "Socket has no AWS::ApiGatewayV2::Stage, so it could not be called once deployed; it is served as"
                + " stage '$default'"),
        template.warnings());
  }
}
