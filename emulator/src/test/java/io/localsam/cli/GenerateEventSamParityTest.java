package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SAM CLI event type prints what {@code sam local generate-event} prints, byte for byte, with
 * default options and with every option given (src/test/resources/sam-generate-event, derived from
 * SAM CLI 1.164's own templates); the few types where LocalSAM keeps other values differ only
 * there.
 */
class GenerateEventSamParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // LocalSAM's own, not SAM's: no SAM output to compare with
  private static final Set<String> LOCALSAM_SERVICES = Set.of("eventbridge");
  private static final Map<String, Set<String>> LOCALSAM_OPTIONS =
      Map.of("apigateway authorizer", Set.of("token"));

  /**
   * Where LocalSAM prints other values than SAM, on purpose: real values for SAM's "..."
   * placeholders, EventBridge's version field, SNS's subscription ARN with its account (SAM's
   * template leaves it empty), and a multi-value query map that follows --querystringparameters
   * (SAM's stays foo=bar).
   */
  private static final Set<String> OTHER_VALUES =
      Set.of("apigateway request-authorizer", "cloudwatch scheduled-event", "sns notification");

  private static final String PROXY = "apigateway aws-proxy";

  /** "service type" of every SAM CLI event type in the catalog. */
  static Stream<String> samEventTypes() {
    List<String> types = new ArrayList<>();
    for (SampleEventCatalog.Service service : SampleEventCatalog.SERVICES) {
      if (!LOCALSAM_SERVICES.contains(service.name())) {
        service.types().forEach(type -> types.add(service.name() + " " + type.name()));
      }
    }
    return types.stream();
  }

  @Test
  void the_catalog_has_sams_26_services_and_68_event_types() {
    assertEquals(
        26,
        SampleEventCatalog.SERVICES.stream()
            .filter(s -> !LOCALSAM_SERVICES.contains(s.name()))
            .count());
    assertEquals(68, samEventTypes().count());
  }

  @ParameterizedTest
  @MethodSource("samEventTypes")
  void with_default_options_the_event_is_sams(String serviceAndType) throws Exception {
    String sams = expected("defaults", serviceAndType);
    CliRun run = CliRun.of(("generate-event " + serviceAndType).split(" "));

    assertEquals(0, run.exitCode(), run.printed());
    if (OTHER_VALUES.contains(serviceAndType)) {
      assertHasFieldsOf(sams, run.out());
    } else {
      assertEquals(sams, run.out());
    }
  }

  @ParameterizedTest
  @MethodSource("samEventTypes")
  void with_every_option_given_each_lands_where_sam_puts_it(String serviceAndType)
      throws Exception {
    String sams = expected("all-options", serviceAndType);
    List<String> args = new ArrayList<>(List.of(("generate-event " + serviceAndType).split(" ")));
    for (SampleEventCatalog.Option option : type(serviceAndType).options()) {
      if (!LOCALSAM_OPTIONS.getOrDefault(serviceAndType, Set.of()).contains(option.name())) {
        args.add("--" + option.name());
        args.add(
            option.name().equals("querystringparameters")
                ? "{\"k\": \"v\"}"
                : "v-" + option.name() + " é/x");
      }
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertEquals(0, run.exitCode(), run.printed());
    if (OTHER_VALUES.contains(serviceAndType)) {
      assertHasFieldsOf(sams, run.out());
    } else if (serviceAndType.equals(PROXY)) {
      ObjectNode ours = (ObjectNode) JSON.readTree(run.out());
      ObjectNode theirs = (ObjectNode) JSON.readTree(sams);
      assertEquals("{\"k\":[\"v\"]}", ours.remove("multiValueQueryStringParameters").toString());
      theirs.remove("multiValueQueryStringParameters");
      assertEquals(theirs, ours);
    } else {
      assertEquals(sams, run.out());
    }
  }

  @Test
  void where_localsam_differs_it_is_only_in_the_values_it_keeps_on_purpose() throws Exception {
    JsonNode authorizer =
        JSON.readTree(CliRun.of("generate-event", "apigateway", "request-authorizer").out());
    JsonNode scheduled =
        JSON.readTree(CliRun.of("generate-event", "cloudwatch", "scheduled-event").out());
    JsonNode sns =
        JSON.readTree(CliRun.of("generate-event", "sns", "notification").out())
            .get("Records")
            .get(0);
    JsonNode proxy =
        JSON.readTree(
            CliRun.of(
                    "generate-event",
                    "apigateway",
                    "aws-proxy",
                    "--querystringparameters",
                    "{\"k\": \"v\"}")
                .out());

    assertEquals(
        "127.0.0.1", authorizer.at("/requestContext/identity/sourceIp").asText()); // SAM: "..."
    assertEquals("0", scheduled.get("version").asText()); // SAM: no version field
    assertEquals(
        "arn:aws:sns:us-east-1:123456789012:ExampleTopic",
        sns.get("EventSubscriptionArn").asText()); // SAM: no account
    assertEquals(
        "{\"k\":[\"v\"]}",
        proxy.get("multiValueQueryStringParameters").toString()); // SAM: {"foo":["bar"]}
  }

  private static void assertHasFieldsOf(String sams, String printed) throws Exception {
    Set<String> missing = new TreeSet<>(JsonFieldPaths.of(JSON.readTree(sams)));
    missing.removeAll(JsonFieldPaths.of(JSON.readTree(printed)));
    assertEquals(Set.of(), missing, "fields of SAM's event missing in " + printed);
  }

  private static SampleEventCatalog.EventType type(String serviceAndType) {
    String[] names = serviceAndType.split(" ");
    return SampleEventCatalog.SERVICES.stream()
        .filter(s -> s.name().equals(names[0]))
        .flatMap(s -> s.types().stream())
        .filter(t -> t.name().equals(names[1]))
        .findFirst()
        .orElseThrow();
  }

  private static String expected(String kind, String serviceAndType) {
    String resource =
        "/sam-generate-event/" + kind + "/" + serviceAndType.replace(' ', '/') + ".json";
    try (InputStream in = GenerateEventSamParityTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, "no SAM output " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
