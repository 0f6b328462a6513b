package io.localsam.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API's authorization settings.
 *
 * @param defaultAuthorizer the authorizer every route uses unless it says otherwise, or {@code
 *     null}
 * @param authorizers the declared authorizers by name, in template order
 * @param properties SAM's {@code Auth} property as written, intrinsics resolved (empty for
 *     CloudFormation APIs)
 */
public record ApiAuth(
    String defaultAuthorizer,
    Map<String, AuthorizerDef> authorizers,
    Map<String, Object> properties) {

  public static final ApiAuth NONE = new ApiAuth(null, Map.of(), Map.of());

  public ApiAuth {
    authorizers = Collections.unmodifiableMap(new LinkedHashMap<>(authorizers));
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public AuthorizerDef authorizer(String name) {
    return name == null ? null : authorizers.get(name);
  }
}
