package io.localsam.cli;

import io.localsam.fault.Faults;
import io.localsam.EmulatorOptions;
import io.localsam.runtime.EnvVarsFile;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import java.util.function.Consumer;

/** The template's functions without the API gateway, for {@code invoke} and {@code start-lambda}: nothing listens on the API port. */
final class LocalFunctions {
  private LocalFunctions() {}

  /** Reads the template as {@code Emulator.start} does, warning about everything not emulated. */
  static Template template(EmulatorOptions options, Consumer<String> warn) {
    Template template = TemplateLoader.load(options.template(), options.parameterOverrides(), options.region());
    template.warnings().forEach(warning -> warn.accept("Warning: " + warning));
    return template;
  }

  /** A runtime for {@code template}'s functions, their logs going to the options' log. */
  static FunctionRuntime runtime(Template template, EmulatorOptions options) {
    return runtime(template, options, Faults.none());
  }

  /** As {@link #runtime(Template, EmulatorOptions)}, with the faults its functions are given ({@code --fault}). */
  static FunctionRuntime runtime(Template template, EmulatorOptions options, Faults faults) {
    return new FunctionRuntime(template, options.region(), EnvVarsFile.read(options.envVars()).with(options.functionEnvironment()), options.log(),
        (functionId, event, result) -> { }, options.asyncRetryDelay(), options.isolation(), options.watchCode(), faults);
  }
}
