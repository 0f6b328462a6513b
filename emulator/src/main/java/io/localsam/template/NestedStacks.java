package io.localsam.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested stacks of a stack that can be read locally (README: "How faithful it is", "Template"):
 * {@code AWS::Serverless::Application} {@code Location} and {@code AWS::CloudFormation::Stack}
 * {@code TemplateURL} naming a file beside the template. Remote ones (S3, HTTP, the Serverless
 * Application Repository) are warned about by name.
 */
final class NestedStacks {
  record Child(String id, Path file, Map<String, String> parameters, SourceLocation location) {}

  private final Stack stack;

  NestedStacks(Stack stack) {
    this.stack = stack;
  }

  List<Child> children() {
    List<Child> children = new ArrayList<>();
    for (String id : stack.ids()) {
      String type = stack.type(id);
      boolean application = type.equals("AWS::Serverless::Application");
      if (!application && !type.equals("AWS::CloudFormation::Stack")) {
        continue;
      }
      Map<String, Object> properties = stack.properties(id);
      String property = application ? "Location" : "TemplateURL";
      Object location = properties.get(property);
      SourceLocation where = stack.locate(stack.resource(id));
      if (!(location instanceof String text) || Stack.remote(text)) {
        String shown =
            location instanceof Map<?, ?> map && map.containsKey("ApplicationId")
                ? "the Serverless Application Repository ("
                    + Scalars.text(map.get("ApplicationId"))
                    + ")"
                : Scalars.text(location);
        stack.warn.accept(
            stack.name(id)
                + ": nested stack "
                + property
                + " "
                + shown
                + " is not a local file; its functions and routes are not loaded");
        continue;
      }
      Path file = stack.file(text);
      if (!Files.isRegularFile(file)) {
        throw TemplateException.at(
            where,
            stack.name(id)
                + ": nested stack "
                + property
                + " '"
                + text
                + "' not found (looked for "
                + file
                + ")");
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      if (properties.get("Parameters") instanceof Map<?, ?> declared) {
        declared.forEach((key, value) -> parameters.put(key.toString(), Scalars.text(value)));
      }
      children.add(new Child(id, file, parameters, where));
    }
    return children;
  }
}
