package io.localsam.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.EmulatorOptions;
import io.localsam.LocalTemplate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routes}: prints every route {@code start-api} would mount, read from the template alone:
 * nothing is started and no function code is looked for. Warnings go to stderr, the table (or JSON)
 * to stdout.
 */
@Command(
    name = "routes",
    mixinStandardHelpOptions = true,
    description =
        "Print every route start-api would mount (method, path, function, API, stage, payload version),"
            + " without starting anything.")
final class RoutesCommand implements Callable<Integer> {
  private static final String[] HEADER = {
    "METHOD", "PATH", "FUNCTION", "API", "TYPE", "STAGE", "PAYLOAD"
  };

  @Spec CommandSpec spec;

  @Mixin TemplateOptions template;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    EmulatorOptions options = template.toOptions().log(err::println).build();
    PrintWriter out = spec.commandLine().getOut();
    List<String[]> rows = new ArrayList<>();
    for (LocalTemplate.RouteInfo route : LocalTemplate.read(options).routes()) {
      rows.add(
          new String[] {
            route.method(),
            route.path(),
            route.functionId(),
            route.apiId(),
            route.apiType(),
            route.stage(),
            route.payloadVersion()
          });
    }
    if (json) {
      out.println(json(rows));
    } else if (rows.isEmpty()) {
      err.println("Template does not have any APIs connected to Lambda functions");
    } else {
      table(out, rows);
    }
    out.flush();
    return 0;
  }

  private static void table(PrintWriter out, List<String[]> rows) {
    int[] widths = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      widths[i] = HEADER[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String[]> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(rows);
    for (String[] row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String json(List<String[]> rows) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new ObjectMapper().createGenerator(text)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter());
      json.writeStartArray();
      for (String[] row : rows) {
        json.writeStartObject();
        json.writeStringField("method", row[0]);
        json.writeStringField("path", row[1]);
        json.writeStringField("function", row[2]);
        json.writeStringField("api", row[3]);
        json.writeStringField("apiType", row[4]);
        json.writeStringField("stage", row[5]);
        json.writeStringField("payloadFormatVersion", row[6]);
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
