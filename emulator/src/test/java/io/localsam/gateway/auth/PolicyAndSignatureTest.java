package io.localsam.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.gateway.auth.IamPolicy.Decision;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IAM policy evaluation for Lambda authorizers (IAM's evaluation logic: an explicit Deny wins, then
 * an Allow, else implicit deny; {@code *} and {@code ?} wildcards over the whole ARN), the SigV4
 * header shape, and claim values as functions receive them.
 */
class PolicyAndSignatureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN =
      "arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/pets/7";

  private static JsonNode policy(String statements) throws Exception {
    return JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}");
  }

  @Test
  void deny_wins_over_allow_and_nothing_matching_is_an_implicit_deny() throws Exception {
    String allowAll = "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}";
    String denyGet =
        "{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:*/*/GET/*\"}";

    assertEquals(Decision.ALLOW, IamPolicy.evaluate(policy(allowAll), ARN));
    assertEquals(
        Decision.EXPLICIT_DENY,
        IamPolicy.evaluate(policy("[" + allowAll + "," + denyGet + "]"), ARN));
    assertEquals(
        Decision.EXPLICIT_DENY,
        IamPolicy.evaluate(policy("[" + denyGet + "," + allowAll + "]"), ARN));
    assertEquals(
        Decision.IMPLICIT_DENY,
        IamPolicy.evaluate(
            policy(
                "[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:*/*/POST/*\"}]"),
            ARN));
    assertEquals(
        Decision.IMPLICIT_DENY,
        IamPolicy.evaluate(
            policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), ARN),
        "another action does not apply");
    assertEquals(
        Decision.ALLOW,
        IamPolicy.evaluate(
            policy(
                "{\"Effect\":\"Allow\",\"Action\":[\"execute-api:*\"],\"Resource\":[\"x\",\""
                    + ARN
                    + "\"]}"),
            ARN));
  }

  @Test
  void wildcards_match_the_whole_value() {
    assertTrue(IamPolicy.matches("arn:aws:execute-api:us-east-1:*:abc123/*/GET/pets/*", ARN));
    assertTrue(
        IamPolicy.matches("arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/pets/?", ARN));
    assertFalse(
        IamPolicy.matches("arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/pets", ARN),
        "anchored at the end");
    assertFalse(IamPolicy.matches("execute-api:us-east-1:*", ARN), "anchored at the start");
    assertTrue(IamPolicy.matches("*", ARN));
  }

  @Test
  void a_policy_api_gateway_would_reject_is_malformed() {
    assertThrows(IamPolicy.Malformed.class, () -> IamPolicy.evaluate(policy("[]"), ARN));
    assertThrows(
        IamPolicy.Malformed.class,
        () ->
            IamPolicy.evaluate(
                policy("{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}"), ARN));
    assertThrows(
        IamPolicy.Malformed.class,
        () -> IamPolicy.evaluate(policy("{\"Effect\":\"Allow\",\"Resource\":\"*\"}"), ARN));
  }

  @Test
  void sigv4_headers_are_checked_for_shape_with_api_gatewys_messages() {
    String good =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/execute-api/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature="
            + "0123456789abcdef".repeat(4);

    SigV4.Check ok = SigV4.check(good, true);
    assertNull(ok.problem());
    assertEquals("AKIDEXAMPLE", ok.accessKey());
    // The IncompleteSignatureException text for a bearer token sent to an IAM route
    assertEquals(
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a "
            + "'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc",
        SigV4.check("Bearer abc", false).problem());
    assertEquals(
        "Credential should be scoped to correct service: 'execute-api'. ",
        SigV4.check(good.replace("execute-api/", "s3/"), true).problem());
    assertTrue(
        SigV4.check(good.replace("0123", "zzzz"), true)
            .problem()
            .startsWith("The request signature we calculated"));
  }

  @Test
  void claims_are_strings_as_each_api_kind_writes_them() throws Exception {
    JsonNode claims =
        JSON.readTree(
            "{\"sub\":\"alice\",\"exp\":1492470769,\"email_verified\":true,"
                + "\"cognito:groups\":[\"admin\",\"dev\"],\"address\":{\"city\":\"Oslo\"},\"nothing\":null}");

    assertEquals(
        Map.of(
            "sub",
            "alice",
            "exp",
            "1492470769",
            "email_verified",
            "true",
            "cognito:groups",
            "[admin dev]",
            "address",
            "{\"city\":\"Oslo\"}"),
        ClaimValues.httpApi(claims));
    assertEquals(
        Map.of(
            "sub",
            "alice",
            "exp",
            "Mon Apr 17 23:12:49 UTC 2017",
            "email_verified",
            "true",
            "cognito:groups",
            "admin,dev",
            "address",
            "{\"city\":\"Oslo\"}"),
        ClaimValues.cognito(claims));
  }
}
