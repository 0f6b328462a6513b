package io.localsam.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a template cannot be used gives one message: file, line and column where known, then
 * the problem.
 */
class TemplateErrorsTest {
  @TempDir Path folder;

  private String error(String yaml) {
    return new TemplateFiles(folder).error(yaml);
  }

  private static String function(String properties) {
    return "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: java17\n"
        + "      Handler: app.Fn::handleRequest\n"
        + properties.stripTrailing().indent(6);
  }

  @Test
  void a_missing_template_says_how_to_name_one() {
    TemplateException e =
        assertThrows(
            TemplateException.class,
            () -> TemplateLoader.load(folder.resolve("nope.yaml"), Map.of(), "us-east-1"));

    assertEquals(
        folder.resolve("nope.yaml")
            + ": template not found. Pass the template path (or -t FILE), or run from the"
            + " folder that holds template.yaml.",
        e.getMessage());
  }

  @Test
  void malformed_yaml_json_and_documents_that_are_not_templates() {
    TemplateFiles files = new TemplateFiles(folder);
    assertEquals(
        "$DIR/template.yaml:3:12: invalid YAML: mapping values are not allowed here",
        error("Resources:\n  Fn:\n    Type: a: b\n"));
    assertEquals(
        "$DIR/template.yaml:3:3: duplicate key 'Fn'",
        error("Resources:\n  Fn: {Type: A}\n  Fn: {Type: B}\n"));
    assertEquals("$DIR/template.yaml: is empty", error(""));
    assertEquals(
        "$DIR/template.yaml: is not a template: expected a mapping (with a Resources section)",
        error("- a\n- b\n"));
    assertEquals("$DIR/template.yaml: has no Resources section", error("Parameters: {}\n"));
    Path json = files.write("broken.json", "{\"Resources\": {\"Fn\": [1, 2}}");
    TemplateException e =
        assertThrows(
            TemplateException.class, () -> TemplateLoader.load(json, Map.of(), "us-east-1"));
    assertTrue(
        e.getMessage().startsWith(json + ":1:27: invalid JSON: Unexpected close marker '}'"),
        e.getMessage());
  }

  @Test
  void unknown_tags_and_malformed_short_forms() {
    assertEquals(
        "$DIR/template.yaml:7:16: unknown tag !Reference (CloudFormation knows !Ref, !GetAtt, !Sub, !Join, !If, ... )",
        error(function("Timeout: !Reference X")));
    assertEquals(
        "$DIR/template.yaml:7:13: !GetAtt needs Resource.Attribute, not 'Fn'",
        error(function("Role: !GetAtt Fn")));
  }

  @Test
  void references_to_nothing_suggest_the_closest_name() {
    assertEquals(
        "$DIR/template.yaml:9:16: Ref to 'Tiemout', which is neither a parameter, a pseudo parameter nor a resource"
            + " (did you mean 'Timeout'?)",
        error(
            "Parameters:\n  Timeout: {Type: Number, Default: 3}\n"
                + function("Timeout: !Ref Tiemout")));
    assertEquals(
        "$DIR/template.yaml:7:13: Fn::GetAtt of 'Fun', which is not a resource (did you mean 'Fn'?)",
        error(function("Role: !GetAtt Fun.Arn")));
    assertEquals(
        "$DIR/template.yaml:7:17: Fn::Sub refers to ${Missing}, which is neither a parameter, a pseudo parameter nor"
            + " a resource",
        error(function("Handler2: !Sub '${Missing}'")));
  }

  @Test
  void circular_references_are_errors_as_in_cloudformation() {
    assertTrue(
        error(
                """
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: {FunctionName: !Sub "a-${B.Arn}", Runtime: java17, Handler: a.A}
          B:
            Type: AWS::Serverless::Function
            Properties: {FunctionName: !Sub "b-${A.Arn}", Runtime: java17, Handler: b.B}
        """)
            .matches(
                "\\$DIR/template.yaml:\\d+:\\d+: circular reference: the FunctionName of [AB] depends on itself"
                    + " \\([AB] -> [AB] -> [AB]\\)"));
    assertEquals(
        "$DIR/template.yaml:2:6: condition 'A' depends on itself: A -> B -> A",
        error(
            """
        Conditions:
          A: !Not [Condition: B]
          B: !Not [Condition: A]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Condition: A
            Properties: {Runtime: java17, Handler: a.B}
        """));
  }

  @Test
  void intrinsic_functions_with_wrong_arguments() {
    assertEquals(
        "$DIR/template.yaml:7:16: Fn::Select index 5 is outside the list",
        error(function("Timeout: !Select [5, [1]]")));
    assertEquals(
        "$DIR/template.yaml:7:16: Fn::Join needs a list of 2 values",
        error(function("Timeout: !Join [x]")));
    assertEquals(
        "$DIR/template.yaml:7:16: Fn::FindInMap: Mappings has no M.a.b",
        error(function("Timeout: !FindInMap [M, a, b]")));
    assertEquals(
        "$DIR/template.yaml:7:16: Fn::Split needs a non-empty delimiter",
        error(function("Timeout: !Split ['', abc]")));
    assertEquals(
        "$DIR/template.yaml:7:16: unknown intrinsic function Fn::Nope",
        error(function("Timeout: {\"Fn::Nope\": 1}")));
    assertEquals(
        "$DIR/template.yaml:7:16: AWS::Include Location 'none.yaml' not found (looked for $DIR/none.yaml)",
        error(
            function(
                "Timeout: {\"Fn::Transform\": {Name: AWS::Include, Parameters: {Location: none.yaml}}}")));
  }

  @Test
  void resources_and_functions_that_cannot_be_read() {
    assertEquals(
        "$DIR/template.yaml:2:7: resource Fn needs a Type",
        error("Resources:\n  Fn: {Properties: {}}\n"));
    assertEquals(
        "$DIR/template.yaml:3:5: resource Fn: Properties must be a mapping",
        error("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [1]\n"));
    assertEquals(
        "$DIR/template.yaml:3:5: function Fn has no Runtime (set it on the function or in Globals.Function)",
        error(
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: a.B}\n"));
    assertEquals(
        "$DIR/template.yaml:3:5: function Fn has no Handler (for example com.example.App::handleRequest)",
        error(
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: java17}\n"));
    assertEquals(
        "$DIR/template.yaml:3:5: function Fn: Timeout 901 is outside Lambda's range 1..900",
        error(function("Timeout: 901")));
    assertEquals(
        "$DIR/template.yaml:3:5: function Fn: MemorySize 64 is outside Lambda's range 128..10240",
        error(function("MemorySize: 64")));
    assertEquals(
        "$DIR/template.yaml:3:5: function Fn: Architectures must list exactly one of x86_64 or arm64, not [arm64,"
            + "x86_64] (a list in Globals.Function is joined with the function's own, so set it in one place)",
        error(function("Architectures: [arm64, x86_64]")));
    assertEquals(
        "$DIR/template.yaml:3:5: function Fn: ReservedConcurrentExecutions -1 is outside Lambda's range 0..",
        error(function("ReservedConcurrentExecutions: -1")));
    assertEquals(
        "$DIR/template.yaml:3:5: function Fn: LoggingConfig.LogFormat must be Text or JSON, not 'XML'",
        error(function("LoggingConfig: {LogFormat: XML}")));
    assertEquals(
        "$DIR/template.yaml:7:26: Fn: FunctionUrlConfig.AuthType must be NONE or AWS_IAM, not 'OPEN'",
        error(function("FunctionUrlConfig: {AuthType: OPEN}")));
  }

  @Test
  void events_that_cannot_become_routes() {
    assertEquals(
        "$DIR/template.yaml:9:11: Fn event Get: unknown method 'fetch' (use GET, POST, PUT, PATCH, DELETE, HEAD,"
            + " OPTIONS or ANY)",
        error(
            function("Events:\n  Get:\n    Type: Api\n    Properties: {Path: /x, Method: fetch}")));
    assertEquals(
        "$DIR/template.yaml:9:11: Fn event Get needs both Path and Method",
        error(function("Events:\n  Get:\n    Type: Api\n    Properties: {Path: /x}")));
    assertEquals(
        "$DIR/template.yaml:9:11: route path 'x' must start with /",
        error(function("Events:\n  Get:\n    Type: Api\n    Properties: {Path: x, Method: get}")));
    assertEquals(
        "$DIR/template.yaml:9:11: route path '/a/{proxy+}/b': a greedy {proxy+} must be the last segment",
        error(
            function(
                "Events:\n  Get:\n    Type: Api\n    Properties: {Path: '/a/{proxy+}/b', Method: get}")));
    assertEquals(
        "$DIR/template.yaml:9:11: Fn event Get: PayloadFormatVersion must be \"1.0\" or \"2.0\", not '3.0'",
        error(
            function(
                "Events:\n  Get:\n    Type: HttpApi\n    Properties: {PayloadFormatVersion: '3.0'}")));
    assertEquals(
        "$DIR/template.yaml:9:11: Fn event Get names API 'Nope', which is not an AWS::Serverless::Api of this"
            + " template",
        error(
            function(
                "Events:\n  Get:\n    Type: Api\n    Properties: {Path: /x, Method: get, RestApiId: Nope}")));
    assertEquals(
        "$DIR/template.yaml:9:11: Fn event Get needs a Type",
        error(function("Events:\n  Get:\n    Properties: {}")));
  }

  @Test
  void apis_that_cannot_be_read() {
    assertEquals(
        "$DIR/template.yaml:3:5: AWS::Serverless::Api Api needs a StageName",
        error("Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: {}\n"));
    assertEquals(
        "$DIR/template.yaml:6:13: Api.Auth.DefaultAuthorizer 'Missing' is not one of its Authorizers []",
        error(
            "Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: v1\n"
                + "      Auth: {DefaultAuthorizer: Missing}\n"));
    assertEquals(
        "$DIR/template.yaml:3:5: Stage: RestApiId 'Elsewhere' is not an AWS::ApiGateway::RestApi of this template",
        error(
            "Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties: {RestApiId: Elsewhere, StageName: v1}\n"));
    assertEquals(
        "$DIR/template.yaml:6:5: Route: Target 'Fn' must be integrations/<logical id of an"
            + " AWS::ApiGatewayV2::Integration>",
        error(
            "Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n"
                + "    Properties: {ProtocolType: HTTP}\n  Route:\n    Type: AWS::ApiGatewayV2::Route\n"
                + "    Properties: {ApiId: !Ref Api, RouteKey: GET /x, Target: Fn}\n"));
    assertEquals(
        "$DIR/template.yaml:5:7: Api.DefinitionUri 'spec.yaml' not found (looked for $DIR/spec.yaml)",
        error(
            "Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: v1\n"
                + "      DefinitionUri: spec.yaml\n"));
  }

  @Test
  void nested_stacks_that_cannot_be_loaded() {
    TemplateFiles files = new TemplateFiles(folder);
    files.write(
        "child.yaml",
        "Parameters:\n  Known: {Type: String}\nResources:\n  Again:\n"
            + "    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: template.yaml}\n");

    assertEquals(
        "$DIR/template.yaml:3:5: Child passes parameter 'Unknown', which child.yaml does not declare",
        error(
            "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n"
                + "    Properties: {TemplateURL: child.yaml, Parameters: {Unknown: x}}\n"));
    assertEquals(
        "$DIR/child.yaml:5:5: nested stack Child/Again includes $DIR/template.yaml, which is already being loaded (a"
            + " stack cannot contain itself)",
        error(
            "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n"
                + "    Properties: {TemplateURL: child.yaml, Parameters: {Known: x}}\n"));
  }
}
