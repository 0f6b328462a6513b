package io.localsam.template;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Lambda function as the template declares it, after Globals, parameters and intrinsics.
 *
 * @param logicalId the resource's logical id, which names the function locally (a function of a
 *     nested stack keeps its own id; only when that id is taken already is it {@code Stack/Id})
 * @param functionName the {@code FunctionName} property, or {@code null}
 * @param handler {@code pkg.Class} or {@code pkg.Class::method}
 * @param runtime {@code java17}, {@code java21}, ...
 * @param codeUri where the code is, resolved against the template's folder; {@code null} for inline
 *     code
 * @param environment the declared {@code Environment.Variables}, as strings
 * @param timeoutSeconds {@code Timeout}, default 3
 * @param memorySize {@code MemorySize} in MB, default 128
 * @param logFormat {@code LoggingConfig.LogFormat} ({@code Text} or {@code JSON}), or {@code null}
 * @param logGroup {@code LoggingConfig.LogGroup}, or {@code null}
 * @param layers the folders of the function's local layers, in order; Lambda puts each layer's
 *     {@code java/lib/*.jar} on the classpath
 * @param architecture {@code x86_64} (the default) or {@code arm64}
 * @param reservedConcurrency {@code ReservedConcurrentExecutions}, or {@code null} when not set
 * @param functionUrl {@code FunctionUrlConfig}, or {@code null}
 * @param activeTracing {@code Tracing: Active} (SAM) or {@code TracingConfig.Mode: Active}
 *     (CloudFormation)
 * @param stack the nested stack the function belongs to ({@code ""} for the root, {@code
 *     Child/Grandchild} below it)
 * @param location where the resource was written
 * @param eventInvokeConfig how its asynchronous invocations are retried and where their records go
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
    List<Path> layers,
    String architecture,
    Integer reservedConcurrency,
    FunctionUrlDef functionUrl,
    boolean activeTracing,
    String stack,
    SourceLocation location,
    EventInvokeConfig eventInvokeConfig) {

  public static final String DEFAULT_ARCHITECTURE = "x86_64";

  public FunctionDef {
    Objects.requireNonNull(logicalId, "logicalId");
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    layers = List.copyOf(layers);
    architecture = architecture == null ? DEFAULT_ARCHITECTURE : architecture;
    stack = stack == null ? "" : stack;
    eventInvokeConfig = eventInvokeConfig == null ? EventInvokeConfig.DEFAULTS : eventInvokeConfig;
  }

  /**
   * The shape before layers, architecture, concurrency and function URLs were read; kept for
   * callers.
   */
  public FunctionDef(
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
    this(
        logicalId,
        functionName,
        handler,
        runtime,
        codeUri,
        environment,
        timeoutSeconds,
        memorySize,
        logFormat,
        logGroup,
        List.of(),
        DEFAULT_ARCHITECTURE,
        null,
        null,
        false,
        "",
        location,
        EventInvokeConfig.DEFAULTS);
  }

  /** The same function on another runtime, as {@code sam local invoke --runtime} runs it. */
  public FunctionDef withRuntime(String otherRuntime) {
    return new FunctionDef(
        logicalId,
        functionName,
        handler,
        otherRuntime,
        codeUri,
        environment,
        timeoutSeconds,
        memorySize,
        logFormat,
        logGroup,
        layers,
        architecture,
        reservedConcurrency,
        functionUrl,
        activeTracing,
        stack,
        location,
        eventInvokeConfig);
  }

  /**
   * This definition as written somewhere else: a template edit above a function moves it without
   * changing it.
   */
  public FunctionDef at(SourceLocation where) {
    return new FunctionDef(
        logicalId,
        functionName,
        handler,
        runtime,
        codeUri,
        environment,
        timeoutSeconds,
        memorySize,
        logFormat,
        logGroup,
        layers,
        architecture,
        reservedConcurrency,
        functionUrl,
        activeTracing,
        stack,
        where,
        eventInvokeConfig);
  }

  /** True when {@code other} declares the same function, wherever it is written. */
  public boolean sameDefinition(FunctionDef other) {
    return other != null && equals(other.at(location));
  }

  /**
   * True when the code is inline ({@code InlineCode}, {@code Code.ZipFile}), which cannot run
   * locally.
   */
  public boolean inlineCode() {
    return codeUri == null;
  }

  /**
   * The name Lambda reports for the function: {@code FunctionName} when set, else the logical id.
   */
  public String name() {
    return functionName != null ? functionName : logicalId;
  }

  /**
   * The log group Lambda writes to: {@code LoggingConfig.LogGroup} when set, else {@code
   * /aws/lambda/<name>}.
   */
  public String logGroupName() {
    return logGroup != null ? logGroup : "/aws/lambda/" + name();
  }
}
