package io.localsam.gateway;

import io.localsam.gateway.auth.SigV4;
import io.localsam.template.ApiKind;
import io.localsam.template.PayloadFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code AWS_IAM} authorization, as far as it can go without AWS credentials: the request must
 * carry a well-formed SigV4 {@code Authorization} header (and {@code X-Amz-Date} or {@code Date});
 * the signature and the caller's IAM permissions are not checked, which start-up says. The caller's
 * access key id reaches the function as {@code identity.accessKey} (payload 1.0) or {@code
 * authorizer.iam.accessKey} (payload 2.0).
 */
final class IamAuthorizer {
  private IamAuthorizer() {}

  static AuthOutcome authorize(GatewayRequest request, Route route) {
    ApiKind kind = route.api().kind();
    String authorization = request.header("Authorization");
    if (authorization == null || authorization.isBlank()) {
      return AuthOutcome.refuse(
          GatewayErrors.missingSignature(kind),
          "AWS_IAM: the request is not signed (no Authorization header)");
    }
    SigV4.Check check =
        SigV4.check(
            authorization, request.header("X-Amz-Date") != null || request.header("Date") != null);
    if (!check.wellFormed()) {
      return AuthOutcome.refuse(
          GatewayErrors.badSignature(kind, check.problem()), "AWS_IAM: " + check.problem());
    }
    if (route.definition().payloadFormat() == PayloadFormat.V2) {
      Map<String, Object> iam = new LinkedHashMap<>();
      iam.put("accessKey", check.accessKey());
      for (String unknown :
          new String[] {
            "accountId", "callerId", "cognitoIdentity", "principalOrgId", "userArn", "userId"
          }) {
        iam.put(unknown, null); // who signed is not known without checking the signature with AWS
      }
      return AuthOutcome.allow(Authorization.authorizer(Map.of("iam", iam)));
    }
    return AuthOutcome.allow(new Authorization(null, check.accessKey(), null, null));
  }
}
