package io.localsam.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region SAM CLI runs in when {@code --region} is not given: what the AWS tools find for it,
 * {@code AWS_DEFAULT_REGION}, then {@code AWS_REGION}, then the {@code region} of the profile
 * ({@code --profile}, else {@code AWS_PROFILE}, else {@code default}) in the AWS config file
 * ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}). None: the caller's default, us-east-1.
 */
final class AwsRegion {
  private AwsRegion() {}

  static Optional<String> find(Map<String, String> environment, String profile) {
    for (String variable : List.of("AWS_DEFAULT_REGION", "AWS_REGION")) {
      String region = environment.get(variable);
      if (region != null && !region.isBlank()) {
        return Optional.of(region.strip());
      }
    }
    String name = profile != null ? profile : environment.getOrDefault("AWS_PROFILE", "default");
    String file = environment.get("AWS_CONFIG_FILE");
    Path config =
        file != null ? Path.of(file) : Path.of(System.getProperty("user.home"), ".aws", "config");
    return profileRegion(config, name);
  }

  /**
   * The {@code region} key of {@code [default]} or {@code [profile NAME]} in an INI-style config
   * file.
   */
  static Optional<String> profileRegion(Path config, String profile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(config);
    } catch (IOException absent) {
      return Optional.empty();
    }
    String wanted = profile.equals("default") ? "default" : "profile " + profile;
    boolean inProfile = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        String section = line.substring(1, line.length() - 1).strip().replaceAll("\\s+", " ");
        inProfile =
            section.equals(wanted)
                || (profile.equals("default") && section.equals("profile default"));
      } else if (inProfile
          && !raw.startsWith(" ")
          && !raw.startsWith("\t")) { // an indented line belongs to a nested key
        int equals = line.indexOf('=');
        if (equals > 0 && line.substring(0, equals).strip().equals("region")) {
          String region = line.substring(equals + 1).strip();
          return region.isEmpty() ? Optional.empty() : Optional.of(region);
        }
      }
    }
    return Optional.empty();
  }
}
