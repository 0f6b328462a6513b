package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code apigateway aws-proxy --querystringparameters}: SAM CLI's JSON object (1.153.1+),
 * LocalSAM's earlier {@code a=1&b=2}, and one clear refusal for anything else.
 */
class GenerateEventQueryStringTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode proxyEvent(String query) throws Exception {
    CliRun run =
        CliRun.of("generate-event", "apigateway", "aws-proxy", "--querystringparameters", query);
    assertEquals(0, run.exitCode(), run.printed());
    return JSON.readTree(run.out());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // --querystringparameters (none: SAM's default) | queryStringParameters |
        // multiValueQueryStringParameters
        "                                          | {\"foo\":\"bar\"}                          | {\"foo\":[\"bar\"]}",
        "{\"name\": \"sam\", \"page\": 2, \"all\": true} | {\"name\":\"sam\",\"page\":2,\"all\":true} | {\"name\":[\"sam\"],\"page\":[2],\"all\":[true]}",
        "{}                                        | {}                                       | {}"
      })
  void a_json_object_gives_both_query_maps_its_values_kept_as_written(
      String query, String single, String multi) throws Exception {
    JsonNode event =
        query == null
            ? JSON.readTree(CliRun.of("generate-event", "apigateway", "aws-proxy").out())
            : proxyEvent(query);

    assertEquals(single, event.get("queryStringParameters").toString());
    assertEquals(multi, event.get("multiValueQueryStringParameters").toString());
  }

  @Test
  void a_query_string_still_works_repeated_names_multi_valued_and_url_decoded() throws Exception {
    JsonNode event = proxyEvent("a=1&b=2&b=3&q=hello%20world&flag");

    assertEquals(
        "{\"a\":\"1\",\"b\":\"3\",\"q\":\"hello world\",\"flag\":\"\"}",
        event.get("queryStringParameters").toString());
    assertEquals(
        "{\"a\":[\"1\"],\"b\":[\"2\",\"3\"],\"q\":[\"hello world\"],\"flag\":[\"\"]}",
        event.get("multiValueQueryStringParameters").toString());
  }

  @Test
  void an_empty_value_means_no_query_at_all() throws Exception {
    JsonNode event = proxyEvent("");

    assertTrue(event.get("queryStringParameters").isNull(), event.toString());
    assertTrue(event.get("multiValueQueryStringParameters").isNull(), event.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\": ",
        "{\"a\": {\"b\": 1}}",
        "{\"a\": [\"1\", \"2\"]}",
        "{\"a\": null}",
        "{\"a\": 1} x",
        "[\"a\"]",
        "\"a=1\"",
        "name=a b",
        "=value"
      })
  void anything_else_is_refused_with_one_line_saying_both_forms(String query) {
    CliRun run =
        CliRun.of("generate-event", "apigateway", "aws-proxy", "--querystringparameters", query);

    assertEquals(1, run.exitCode(), run.printed());
    assertEquals("", run.out());
    assertEquals(
        "Error: --querystringparameters takes a JSON object of names to values, like {\"foo\": \"bar\"},"
            + " or a query string, like foo=bar&x=1; not: "
            + query
            + System.lineSeparator(),
        run.err());
  }
}
