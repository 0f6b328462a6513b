package io.localsam.template;

import static io.localsam.template.TemplateFiles.env;
import static io.localsam.template.TemplateFiles.function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each intrinsic function, with the local values SAM CLI gives (README, "How faithful it is" >
 * "Template").
 */
class IntrinsicsTest {
  @TempDir Path folder;

  private Template load(String variables) {
    return new TemplateFiles(folder).load(function(variables));
  }

  @Test
  void pseudo_parameters_have_sam_clis_local_values() {
    Template template =
        load(
            """
        R: !Ref AWS::Region
        A: !Ref AWS::AccountId
        P: !Ref AWS::Partition
        S: !Ref AWS::StackName
        U: !Ref AWS::URLSuffix
        I: !Ref AWS::StackId
        """);

    assertEquals("us-east-1", env(template, "R"));
    assertEquals("123456789012", env(template, "A"));
    assertEquals("aws", env(template, "P"));
    assertEquals("local", env(template, "S"));
    assertEquals("localhost", env(template, "U"));
    assertEquals(
        "arn:aws:cloudformation:us-east-1:123456789012:stack/local/51af3dc0-da77-11e4-872e-1234567db123",
        env(template, "I"));
  }

  @Test
  void region_flag_and_region_override_change_the_region_and_what_derives_from_it() {
    TemplateFiles files = new TemplateFiles(folder);
    Path file =
        files.write(
            "template.yaml",
            function("R: !Ref AWS::Region\nP: !Ref AWS::Partition\nZ: !Select [1, !GetAZs ''] "));

    Template flag = TemplateLoader.load(file, Map.of(), "cn-north-1");
    Template override =
        TemplateLoader.load(file, Map.of("AWS::Region", "us-gov-west-1"), "eu-west-1");

    assertEquals("cn-north-1", env(flag, "R"));
    assertEquals("aws-cn", env(flag, "P"));
    assertEquals("cn-north-1b", env(flag, "Z"));
    assertEquals(
        "us-gov-west-1",
        env(override, "R"),
        "--parameter-overrides beats --region (README, Template)");
    assertEquals("aws-us-gov", env(override, "P"));
  }

  @Test
  void ref_to_a_resource_gives_its_logical_id_and_getatt_arn_uses_the_function_name() {
    Template template =
        new TemplateFiles(folder)
            .load(
                function(
                        """
        REF: !Ref Queue
        ARN: !GetAtt Other.Arn
        ROLE: !GetAtt FnRole.Arn
        ROOT: !GetAtt Api.RootResourceId
        """)
                    + """
          Queue:
            Type: AWS::SQS::Queue
          Api:
            Type: AWS::ApiGateway::RestApi
          Other:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Sub "${AWS::StackName}-other"
              Runtime: python3.12
              Handler: x.y
              Code: other
        """);

    assertEquals("Queue", env(template, "REF"));
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:local-other", env(template, "ARN"));
    assertEquals("arn:aws:iam::123456789012:role/FnRole", env(template, "ROLE"));
    assertEquals("/", env(template, "ROOT"));
  }

  @Test
  void sub_in_string_and_list_forms_with_literals_attributes_and_pseudo_parameters() {
    Template template =
        load(
            """
        PLAIN: !Sub "${AWS::Region}-${AWS::AccountId}"
        LIST: !Sub ["${A}/${B}/${AWS::Partition}", {A: one, B: !Ref AWS::StackName}]
        LITERAL: !Sub "${!Literal}"
        ATTR: !Sub "${Fn.Arn}"
        SPACED: !Sub "${ AWS::Region }"
        """);

    assertEquals("us-east-1-123456789012", env(template, "PLAIN"));
    assertEquals("one/local/aws", env(template, "LIST"));
    assertEquals("${Literal}", env(template, "LITERAL"));
    assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Fn", env(template, "ATTR"));
    assertEquals("us-east-1", env(template, "SPACED"));
  }

  @Test
  void join_select_split_base64_and_getazs() {
    Template template =
        load(
            """
        JOIN: !Join ["-", [a, b, !Ref AWS::Region]]
        EMPTY_JOIN: !Join ["", []]
        SELECT: !Select [2, [x, y, z]]
        SPLIT: !Join ["+", !Split [",", "1,2,,3"]]
        B64: !Base64 "LocalSAM"
        AZS: !Join [",", !GetAZs ""]
        """);

    assertEquals("a-b-us-east-1", env(template, "JOIN"));
    assertEquals("", env(template, "EMPTY_JOIN"));
    assertEquals("z", env(template, "SELECT"));
    assertEquals("1+2++3", env(template, "SPLIT"));
    assertEquals("TG9jYWxTQU0=", env(template, "B64"));
    assertEquals("us-east-1a,us-east-1b,us-east-1c", env(template, "AZS"));
  }

  @Test
  void find_in_map_uses_mappings_and_its_default_value() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Mappings:
          Sizes:
            us-east-1: {Memory: 512}
        """
                    + function(
                        """
        MEMORY: !FindInMap [Sizes, !Ref AWS::Region, Memory]
        DEFAULT: !FindInMap [Sizes, eu-west-1, Memory, {DefaultValue: 256}]
        """));

    assertEquals("512", env(template, "MEMORY"));
    assertEquals("256", env(template, "DEFAULT"));
  }

  @Test
  void if_with_no_value_removes_the_property_and_the_list_item() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Conditions:
          Never: !Equals [a, b]
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Layer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: layer
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              Handler: app.Fn::handleRequest
              Timeout: !If [Never, 60, !Ref AWS::NoValue]
              Layers:
                - !If [Never, !Ref Layer, !Ref AWS::NoValue]
              Environment:
                Variables:
                  KEPT: !If [Never, a, b]
                  GONE: !If [Never, a, !Ref AWS::NoValue]
        """);

    FunctionDef fn = template.function("Fn").orElseThrow();
    assertEquals(3, fn.timeoutSeconds());
    assertEquals(List.of(), fn.layers());
    assertEquals(Map.of("KEPT", "b"), fn.environment());
  }

  @Test
  void import_value_warns_with_resource_and_property_and_uses_the_export_name() {
    Template template = load("SHARED: !ImportValue network-vpc-id\n");

    assertEquals("network-vpc-id", env(template, "SHARED"));
    assertEquals(
        List.of(
            "Fn.Properties.Environment.Variables.SHARED: Fn::ImportValue 'network-vpc-id' cannot be resolved"
                + " locally (no deployed stacks); the export name is used as the value"),
        template.warnings());
  }

  @Test
  void unresolvable_getatt_and_transform_warn_and_leave_documented_placeholders() {
    Template template =
        new TemplateFiles(folder)
            .load(
                function(
                        """
        ENDPOINT: !GetAtt Db.Endpoint.Address
        STACK_OUT: !GetAtt Child.Outputs.Url
        """)
                    + """
          Db:
            Type: AWS::RDS::DBInstance
          Child:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: https://example.com/child.yaml
        """);

    assertEquals("Db.Endpoint.Address", env(template, "ENDPOINT"));
    assertEquals("Child.Outputs.Url", env(template, "STACK_OUT"));
    assertTrue(
        template
            .warnings()
            .contains(
                "Fn.Properties.Environment.Variables.ENDPOINT: Fn::GetAtt Db.Endpoint.Address has"
                    + " no local value; 'Db.Endpoint.Address' is used instead"),
        template.warnings().toString());
  }

  @Test
  void cidr_splits_an_ipv4_block() {
    Template template =
        load(
            """
        FIRST: !Select [0, !Cidr ["10.1.0.0/16", 3, 8]]
        THIRD: !Select [2, !Cidr ["10.1.0.0/16", 3, 8]]
        """);

    assertEquals("10.1.0.0/24", env(template, "FIRST"));
    assertEquals("10.1.2.0/24", env(template, "THIRD"));
    assertFalse(template.warnings().stream().anyMatch(w -> w.contains("Cidr")));
  }

  @Test
  void unresolved_values_flow_through_join_as_empty_instead_of_failing() {
    Template template = load("JOINED: !Join [\"-\", [a, !ImportValue x, !GetAtt Fn.Unknown]]\n");

    assertEquals("a-x-Fn.Unknown", env(template, "JOINED"));
    assertEquals(2, template.warnings().size());
  }

  @Test
  void environment_values_become_strings_as_lambda_receives_them() {
    Template template =
        load(
            """
        NUMBER: 42
        DECIMAL: 1.50
        BOOL: true
        EMPTY: ""
        """);

    assertEquals("42", env(template, "NUMBER"));
    assertEquals("1.5", env(template, "DECIMAL"), "a YAML number travels as a JSON number");
    assertEquals("true", env(template, "BOOL"));
    assertEquals("", env(template, "EMPTY"));
  }
}
