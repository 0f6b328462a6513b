package io.localsam.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.config.SamConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code src/test/resources/templates} is one template shape: {@code
 * template.yaml} (or {@code .yml} / {@code .json}), an optional {@code case.properties} ({@code
 * region=...}, {@code override.Key=Value}), and {@code expected.txt}: the routes, APIs, functions
 * and warnings the template reads as (see {@link TemplateRendering}), or {@code error: ...} for a
 * template that must fail.
 *
 * <p>Run with {@code -Dlocalsam.updateExpected=true} to rewrite the expected files after a
 * deliberate change, then review the diff.
 */
class TemplateCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/templates");

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> folders = Files.list(CORPUS)) {
      List<String> names =
          folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(
          names.size() >= 40, "the corpus should hold at least 40 templates, has " + names.size());
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void template_reads_as_expected(String name) throws IOException {
    Path folder = CORPUS.resolve(name).toAbsolutePath().normalize();
    Properties properties = new Properties();
    Path caseFile = folder.resolve("case.properties");
    if (Files.exists(caseFile)) {
      try (Reader in = Files.newBufferedReader(caseFile, StandardCharsets.UTF_8)) {
        properties.load(in);
      }
    }
    Path template = folder.resolve(properties.getProperty("template", defaultTemplate(folder)));
    Map<String, String> overrides = new LinkedHashMap<>();
    // a samconfig file beside the template gives what start-api would pass as --parameter-overrides
    SamConfig.find(folder)
        .ifPresent(
            config ->
                overrides.putAll(
                    SamConfig.read(config)
                        .parameterOverrides(SamConfig.DEFAULT_ENV, "local_start_api")));
    properties.stringPropertyNames().stream()
        .sorted()
        .filter(k -> k.startsWith("override."))
        .forEach(k -> overrides.put(k.substring("override.".length()), properties.getProperty(k)));
    String region = properties.getProperty("region", "us-east-1");

    String actual;
    try {
      actual = TemplateRendering.render(TemplateLoader.load(template, overrides, region), folder);
    } catch (TemplateException e) {
      actual = "error: " + TemplateRendering.scrub(e.getMessage(), folder) + "\n";
    }

    Path expectedFile = folder.resolve("expected.txt");
    if (Boolean.getBoolean("localsam.updateExpected")) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(
        Files.exists(expectedFile),
        name + " has no expected.txt; run with -Dlocalsam.updateExpected=true");
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
  }

  private static String defaultTemplate(Path folder) {
    for (String candidate : List.of("template.yaml", "template.yml", "template.json")) {
      if (Files.exists(folder.resolve(candidate))) {
        return candidate;
      }
    }
    return "template.yaml";
  }
}
