package io.localsam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * A command line run in-process through {@link Main#run}, as picocli's testing guide suggests: exit
 * code, stdout, stderr.
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    return withEnvironment(hermetic(), args);
  }

  /**
   * This shell's variables without those that choose a region, profile or SAM setting, and with no
   * AWS config file: a test's result must not depend on the developer's AWS setup.
   */
  static Map<String, String> hermetic() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("SAM_"));
    environment.put("AWS_CONFIG_FILE", "/nonexistent/localsam-test/aws-config");
    return environment;
  }

  /** Run as if the shell had exactly {@code environment}. */
  static CliRun withEnvironment(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** For assertion messages: everything the command printed. */
  String printed() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
