package io.localsam.cli;

import io.localsam.error.LocalSamException;
import io.localsam.fault.FaultSpec;
import io.localsam.fault.Faults;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --fault TARGET:FAULT[,one-in=N]}: faults injected from the start, as a test injects them
 * with {@code Emulator.faults()}.
 */
final class FaultOptions {
  @Option(
      names = "--fault",
      paramLabel = "TARGET:FAULT",
      description =
          "Inject a fault (repeatable): TARGET a function id or a route ('GET /hello'), FAULT one of latency=200ms,"
              + " throttle, error=TYPE[:MESSAGE] (functions), status=503 (routes), timeout; append ,one-in=N to fault every"
              + " N-th request only. E.g. --fault HelloWorldFunction:throttle --fault 'GET /hello:latency=2s'.")
  List<String> faults = new ArrayList<>();

  /** Every spec parsed, before anything starts: a bad one is a usage error (exit 2). */
  List<FaultSpec> parse(CommandSpec spec) {
    List<FaultSpec> parsed = new ArrayList<>();
    for (String fault : faults) {
      try {
        parsed.add(FaultSpec.parse(fault));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return parsed;
  }

  /**
   * Sets the parsed faults; a target the template does not have stops start-up with the checker's
   * sentence.
   */
  static void apply(List<FaultSpec> specs, Faults faults) {
    for (FaultSpec spec : specs) {
      try {
        faults.add(spec);
      } catch (IllegalArgumentException e) {
        throw new LocalSamException("--fault: " + e.getMessage());
      }
    }
  }
}
