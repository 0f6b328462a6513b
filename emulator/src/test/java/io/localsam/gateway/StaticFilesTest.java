package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAM CLI's static folder: `public` beside the template served at /, routes first, nothing outside it. */
class StaticFilesTest {
  @TempDir
  Path folder;

  @Test
  void serves_files_of_the_public_folder_and_nothing_outside_it() throws Exception {
    Files.createDirectories(folder.resolve("app/public/css"));
    Files.writeString(folder.resolve("app/public/index.html"), "<h1>home</h1>");
    Files.writeString(folder.resolve("app/public/css/site.css"), "h1{}");
    Files.writeString(folder.resolve("app/secret.txt"), "do not serve");
    try (TestApi api = TestApi.start(Files.createDirectories(folder.resolve("app")), """
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Hello
              Runtime: java17
              Events:
                Get: {Type: Api, Properties: {Path: /index.html, Method: get}}
        """)) {
      Response css = api.http().get("/css/site.css");
      assertEquals(200, css.status());
      assertEquals("h1{}", css.body());
      assertEquals("text/css", css.header("Content-Type"));
      assertTrue(api.http().get("/index.html").body().contains("hello world"), "a route wins over a file");
      assertEquals(403, api.http().post("/css/site.css", "").status(), "only GET and HEAD reach files");
      assertEquals(403, api.http().get("/css").status(), "no directory listing");
      assertEquals(403, api.http().get("/%2e%2e/secret.txt").status());
      assertEquals(403, rawGet(api, "/../secret.txt"), "a raw .. path never leaves the folder");
      assertTrue(api.logged("Mounting static files from"));
    }
  }

  /** Sends a request line exactly as written, which HTTP clients would normalise. */
  private static int rawGet(TestApi api, String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", api.emulator().port())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}
