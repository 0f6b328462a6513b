package io.localsam.template;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A Lambda function as the template declares it, after Globals, parameters and intrinsics.
 *
 * @param logicalId the resource's logical id, which names the function locally
 * @param functionName the {@code FunctionName} property, or {@code null}
 * @param handler {@code pkg.Class} or {@code pkg.Class::method}
 * @param runtime {@code java17}, {@code java21}, ...
 * @param codeUri where the code is, resolved against the template's folder; {@code null} for inline code
 * @param environment the declared {@code Environment.Variables}, as strings
 * @param timeoutSeconds {@code Timeout}, default 3
 * @param memorySize {@code MemorySize} in MB, default 128
 * @param logFormat {@code LoggingConfig.LogFormat} ({@code Text} or {@code JSON}), or {@code null}
 * @param logGroup {@code LoggingConfig.LogGroup}, or {@code null}
 * @param location where the resource was written
 */
public record FunctionDef(
    String logicalId,
    String functionName,
    String handler,
    String runtime,
    Path codeUri,
    Map<String, String> environment,
    int timeoutSeconds,
    int memorySize,
    String logFormat,
    String logGroup,
    SourceLocation location) {

  public FunctionDef {
    Objects.requireNonNull(logicalId, "logicalId");
    environment = Map.copyOf(environment);
  }

  /** True when the code is inline ({@code InlineCode}, {@code Code.ZipFile}), which cannot run locally. */
  public boolean inlineCode() {
    return codeUri == null;
  }

  /** The name Lambda reports for the function: {@code FunctionName} when set, else the logical id. */
  public String name() {
    return functionName != null ? functionName : logicalId;
  }
}
