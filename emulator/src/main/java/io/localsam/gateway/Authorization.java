package io.localsam.gateway;

import io.undertow.util.AttachmentKey;
import java.util.Map;

/**
 * What authorizing a request leaves for the function's event.
 *
 * @param authorizer the value of {@code requestContext.authorizer} for the route's payload format
 *     (a Lambda authorizer's context, token claims, IAM caller), or null for none
 * @param accessKey the SigV4 caller's access key id ({@code identity.accessKey}), or null
 * @param apiKey the API key the request carried and API Gateway accepted, or null
 * @param apiKeyId the logical id of that key's {@code AWS::ApiGateway::ApiKey}, or null
 */
record Authorization(
    Map<String, Object> authorizer, String accessKey, String apiKey, String apiKeyId) {
  static final AttachmentKey<Authorization> KEY = AttachmentKey.create(Authorization.class);
  static final Authorization NONE = new Authorization(null, null, null, null);

  static Authorization authorizer(Map<String, Object> authorizer) {
    return new Authorization(authorizer, null, null, null);
  }

  Authorization withApiKey(String value, String id) {
    return new Authorization(authorizer, accessKey, value, id);
  }
}
