package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.template.ApiDef;
import io.localsam.template.ApiKind;
import io.localsam.template.PayloadFormat;
import io.localsam.template.RouteDef;
import io.localsam.template.SourceLocation;
import io.localsam.template.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API Gateway's routing rules, checked without a server. */
class RouteTableTest {
  private static final SourceLocation HERE = SourceLocation.of(Path.of("template.yaml"));

  private static RouteTable table(ApiKind kind, String... routes) {
    ApiDef api = new ApiDef("Api", kind, "Prod", Map.of(), List.of(), HERE);
    List<RouteDef> definitions = new ArrayList<>();
    for (String route : routes) {
      String[] parts = route.split(" ", 2);
      definitions.add(
          new RouteDef(
              "Api",
              parts[0],
              parts.length > 1 ? parts[1] : RouteDef.DEFAULT_ROUTE,
              "Fn" + definitions.size(),
              PayloadFormat.V1,
              HERE));
    }
    Map<String, ApiDef> apis = new LinkedHashMap<>();
    apis.put("Api", api);
    return new RouteTable(
        new Template(Path.of("template.yaml"), Map.of(), apis, definitions, List.of()));
  }

  private static String matched(RouteTable table, String method, String path) {
    RouteMatch match = table.match(method, path);
    return match.found()
        ? match.route().definition().method() + " " + match.route().definition().path()
        : null;
  }

  @Test
  void literal_beats_parameter_beats_greedy() {
    RouteTable table =
        table(ApiKind.REST, "GET /{proxy+}", "GET /items/{id}", "GET /items/special");

    assertEquals("GET /items/special", matched(table, "GET", "/items/special"));
    assertEquals("GET /items/{id}", matched(table, "GET", "/items/42"));
    assertEquals("GET /{proxy+}", matched(table, "GET", "/items/42/parts"));
  }

  @Test
  void exact_method_beats_any_on_the_same_path_and_any_covers_the_seven_methods() {
    RouteTable table = table(ApiKind.REST, "ANY /x", "GET /x");

    assertEquals("GET /x", matched(table, "GET", "/x"));
    assertEquals("ANY /x", matched(table, "DELETE", "/x"));
    assertNull(matched(table, "TRACE", "/x"));
  }

  @Test
  void a_route_without_the_method_does_not_hide_a_less_specific_route_with_it() {
    RouteTable table = table(ApiKind.HTTP, "GET /pets/{id}", "ANY /{proxy+}");

    assertEquals("ANY /{proxy+}", matched(table, "POST", "/pets/1"));
  }

  @Test
  void greedy_parameter_needs_at_least_one_segment_and_keeps_slashes() {
    RouteTable table = table(ApiKind.REST, "GET /proxypath/{proxy+}");

    assertNull(matched(table, "GET", "/proxypath"));
    assertNull(matched(table, "GET", "/proxypath/"));
    assertEquals(
        "this/is/some/path",
        table.match("GET", "/proxypath/this/is/some/path").pathParameters().get("proxy"));
  }

  @Test
  void parameters_are_decoded_segment_by_segment_so_an_encoded_slash_stays_inside() {
    RouteTable table = table(ApiKind.REST, "GET /files/{name}/meta");

    RouteMatch match = table.match("GET", "/files/a%2Fb%20c/meta");

    assertEquals(Map.of("name", "a/b c"), match.pathParameters());
    assertNull(matched(table, "GET", "/files/a/b/meta"));
  }

  @Test
  void trailing_slash_and_root_match_and_paths_are_case_sensitive() {
    RouteTable table = table(ApiKind.REST, "GET /", "GET /Hello");

    assertEquals("GET /", matched(table, "GET", "/"));
    assertEquals("GET /Hello", matched(table, "GET", "/Hello/"));
    assertNull(matched(table, "GET", "/hello"));
  }

  @Test
  void default_route_catches_everything_else_last() {
    RouteTable table = table(ApiKind.HTTP, "ANY", "GET /known");

    assertEquals("GET /known", matched(table, "GET", "/known"));
    assertEquals("ANY $default", matched(table, "PUT", "/known"));
    assertEquals("ANY $default", matched(table, "GET", "/any/where"));
    assertEquals("ANY $default", matched(table, "GET", "/"));
  }

  @Test
  void an_unmatched_method_remembers_the_path_so_the_api_kind_decides_the_answer() {
    RouteTable table = table(ApiKind.HTTP, "GET /only-get");

    RouteMatch match = table.match("POST", "/only-get");

    assertFalse(match.found());
    assertEquals("/only-get", match.pathOnly().definition().path());
    assertTrue(table.httpOnly());
  }
}
