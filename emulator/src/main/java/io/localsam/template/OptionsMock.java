package io.localsam.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A REST API's {@code MOCK} {@code OPTIONS} method: what API Gateway answers on that resource
 * without calling a function. SAM's {@code Cors} adds one to every path without an {@code OPTIONS}
 * method of its own, CDK writes them as {@code AWS::ApiGateway::Method} resources, OpenAPI
 * definitions as {@code x-amazon-apigateway-integration} of type {@code mock}.
 *
 * @param path the resource's path ({@code /items/{id}})
 * @param statusCode the status of its integration response
 * @param headers the static values its response parameters set, in order, exactly as API Gateway
 *     sends them
 */
public record OptionsMock(String path, int statusCode, Map<String, String> headers) {
  public OptionsMock {
    Objects.requireNonNull(path, "path");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
