package io.localsam.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * SAM CLI flags that mean nothing without Docker: accepted, so that scripts written for {@code sam
 * local} run unchanged, and each one given is named in a note saying why it has no effect.
 */
final class IgnoredSamOptions {
  private static final String NO_DOCKER = "LocalSAM runs functions in-process, without Docker";
  private static final Map<String, String> WHY = new LinkedHashMap<>();

  static {
    for (String flag :
        new String[] {
          "--skip-pull-image",
          "--docker-network",
          "--docker-volume-basedir",
          "--container-host",
          "--container-host-interface",
          "--force-image-build",
          "--invoke-image",
          "--layer-cache-basedir",
          "--add-host",
          "--container-env-vars",
          "--mount-symlinks",
          "--no-mount-symlinks",
          "--shutdown",
          "--container-dns"
        }) {
      WHY.put(flag, NO_DOCKER);
    }
    WHY.put(
        "--debugger-path",
        "the debugged function's JVM runs the JDK's own JDWP agent on --debug-port");
    WHY.put(
        "--debug-args",
        "the debugged JVM takes JDWP's flags only; other JVM flags go in the function's JAVA_TOOL_OPTIONS");
    WHY.put(
        "--no-memory-limit",
        "in-process functions have no memory limit; in process isolation the heap follows MemorySize");
    WHY.put("--save-params", "LocalSAM does not write samconfig files");
    for (String flag :
        new String[] {
          "--hook-name", "--skip-prepare-infra", "--prepare-infra", "--terraform-plan-file"
        }) {
      WHY.put(
          flag,
          "Terraform projects are not supported; LocalSAM reads the SAM or CloudFormation template");
    }
    WHY.put(
        "--profile",
        "functions get SAM's local credentials (defaultkey/defaultsecret); only the profile's region is read");
    WHY.put("--beta-features", "there are no beta features");
    WHY.put(
        "--language-extensions",
        "LocalSAM expands AWS::LanguageExtensions (Fn::ForEach, ...) whenever the template"
            + " declares the transform, as CloudFormation does, and never when it does not");
  }

  @Option(names = "--skip-pull-image", hidden = true)
  boolean skipPullImage;

  @Option(names = "--docker-network", hidden = true)
  String dockerNetwork;

  @Option(
      names = {"-v", "--docker-volume-basedir"},
      hidden = true)
  Path dockerVolumeBasedir;

  @Option(names = "--container-host", hidden = true)
  String containerHost;

  @Option(names = "--container-host-interface", hidden = true)
  String containerHostInterface;

  @Option(names = "--force-image-build", hidden = true)
  boolean forceImageBuild;

  @Option(
      names = {"-ii", "--invoke-image"},
      hidden = true)
  String[] invokeImage;

  @Option(names = "--layer-cache-basedir", hidden = true)
  Path layerCacheBasedir;

  @Option(names = "--add-host", hidden = true)
  String[] addHost;

  @Option(names = "--container-env-vars", hidden = true)
  Path containerEnvVars;

  @Option(names = "--mount-symlinks", hidden = true)
  boolean mountSymlinks;

  @Option(names = "--no-mount-symlinks", hidden = true)
  boolean noMountSymlinks;

  @Option(names = "--container-dns", hidden = true)
  String[] containerDns;

  @Option(names = "--debugger-path", hidden = true)
  Path debuggerPath;

  @Option(names = "--debug-args", hidden = true)
  String debugArgs;

  @Option(names = "--no-memory-limit", hidden = true)
  boolean noMemoryLimit;

  @Option(names = "--save-params", hidden = true)
  boolean saveParams;

  @Option(names = "--hook-name", hidden = true)
  String hookName;

  @Option(names = "--skip-prepare-infra", hidden = true)
  boolean skipPrepareInfra;

  @Option(names = "--prepare-infra", hidden = true)
  boolean prepareInfra;

  @Option(names = "--terraform-plan-file", hidden = true)
  Path terraformPlanFile;

  @Option(names = "--shutdown", hidden = true)
  boolean shutdown;

  @Option(names = "--profile", hidden = true)
  String profile;

  @Option(names = "--beta-features", hidden = true, negatable = true)
  boolean betaFeatures;

  @Option(names = "--language-extensions", hidden = true, negatable = true)
  boolean languageExtensions;

  /** One note per ignored flag that was given. */
  void warn(ParseResult parsed, PrintWriter err) {
    WHY.forEach(
        (flag, why) -> {
          if (parsed.hasMatchedOption(flag)) {
            err.println("Note: " + flag + " has no effect: " + why + ".");
          }
        });
  }
}
