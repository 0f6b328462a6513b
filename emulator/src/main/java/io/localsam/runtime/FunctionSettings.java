package io.localsam.runtime;

import io.localsam.template.FunctionDef;
import io.localsam.template.TemplateLoader;
import java.util.Map;

/**
 * A function as the runtime runs it: its definition, its code, and the environment Lambda would
 * give it.
 */
record FunctionSettings(
    FunctionDef definition, FunctionCode code, Map<String, String> environment, String region) {

  FunctionSettings {
    environment = Map.copyOf(environment);
  }

  String id() {
    return definition.logicalId();
  }

  String name() {
    return definition.name();
  }

  String arn() {
    return "arn:aws:lambda:" + region + ":" + TemplateLoader.ACCOUNT_ID + ":function:" + name();
  }
}
