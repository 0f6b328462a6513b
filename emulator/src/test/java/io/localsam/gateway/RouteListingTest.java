package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What start-up and the log say about routes matches what the server does: the line of a {@code
 * $default} route, the methods a path takes when a request's method is not one of them, and routes
 * of two APIs on the same path, which deployed have URLs of their own and locally share one.
 */
class RouteListingTest {
  @TempDir Path folder;

  private TestApi start(String name, String template) throws Exception {
    return TestApi.start(Files.createDirectories(folder.resolve(name)), template);
  }

  private static List<String> mounting(TestApi api) {
    return api.logs().stream()
        .filter(line -> line.startsWith("Mounting "))
        .map(line -> line.replaceAll(":\\d+/", ":PORT/"))
        .toList();
  }

  @Test
  void a_default_route_is_listed_as_what_it_matches_not_as_a_url_named_default() throws Exception {
    try (TestApi api =
        start(
            "default",
            """
        Resources:
          Catch:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.HttpHello
              Events:
                All: {Type: HttpApi}
        """)) {
      assertEquals(
          List.of(
              "Mounting Catch at http://127.0.0.1:PORT/{proxy+} [any method, any path no other route takes:"
                  + " the $default route]"),
          mounting(api));
      assertEquals(201, api.http().send("PATCH", "/any/where", new byte[0]).status());
    }
  }

  @Test
  void a_method_the_path_does_not_take_is_logged_with_every_method_it_does_take() throws Exception {
    try (TestApi api =
        start(
            "methods",
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Hello}
        Resources:
          Read:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: "/products/{id}", Method: get}}
          Write:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Put: {Type: Api, Properties: {Path: "/products/{id}", Method: put}}
                Delete: {Type: Api, Properties: {Path: "/products/{id}", Method: delete}}
                Post: {Type: Api, Properties: {Path: "/{proxy+}", Method: post}}
        """)) {
      assertEquals(403, api.http().send("PATCH", "/products/1", new byte[0]).status());

      assertTrue(
          api.logged(
              "PATCH /products/1 matches no route (/products/{id} takes DELETE, GET, PUT; /{proxy+} takes"
                  + " POST): 403"),
          api.logs().toString());
    }
  }

  @Test
  void any_on_one_api_and_get_on_another_for_the_same_path_are_warned_about_and_listed_as_served()
      throws Exception {
    try (TestApi api =
        start(
            "two-apis",
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Hello}
        Resources:
          Shop:
            Type: AWS::Serverless::Api
            Properties: {StageName: live}
          Everything:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Any: {Type: Api, Properties: {Path: /hello, Method: any}}
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {RestApiId: !Ref Shop, Path: /hello, Method: get}}
        """)) {
      assertTrue(api.http().get("/hello").body().contains("\"function\":\"Reader\""));
      assertTrue(api.http().post("/hello", "").body().contains("\"function\":\"Everything\""));

      assertTrue(
          api.logged(
              "Warning: GET /hello is declared by two APIs: Reader (Shop, GET /hello) and Everything"
                  + " (ServerlessRestApi, ANY /hello). Deployed, each API has a URL of its own; locally they share one, so GET /hello"
                  + " runs Reader, and Everything takes the other methods of ANY /hello"),
          api.logs().toString());
      assertEquals(
          List.of(
              "Mounting Everything at http://127.0.0.1:PORT/hello [DELETE, HEAD, OPTIONS, PATCH, POST, PUT]",
              "Mounting Reader at http://127.0.0.1:PORT/hello [GET]"),
          mounting(api));
    }
  }

  @Test
  void paths_that_differ_only_in_parameter_names_are_the_same_route() throws Exception {
    try (TestApi api =
        start(
            "names",
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Hello}
        Resources:
          Shop:
            Type: AWS::Serverless::Api
            Properties: {StageName: live}
          ById:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {Path: "/items/{id}", Method: get}}
          ByName:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Get: {Type: Api, Properties: {RestApiId: !Ref Shop, Path: "/items/{name}", Method: get}}
        """)) {
      assertTrue(api.http().get("/items/7").body().contains("\"function\":\"ById\""));

      assertTrue(
          api.logged(
              "Warning: GET /items/{name} is declared twice: by ByName event Get (ByName, Shop) and earlier"
                  + " for ById (ServerlessRestApi); only one can be served locally: ById's"),
          api.logs().toString());
      assertEquals(
          List.of("Mounting ById at http://127.0.0.1:PORT/items/{id} [GET]"), mounting(api));
    }
  }
}
