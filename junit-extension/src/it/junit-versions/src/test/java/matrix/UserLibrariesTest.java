package matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.localsam.junit.LocalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The project's own code sees only the libraries it declared (LocalSAM's are inside its jar, relocated), and
 * {@code @LocalApi} works whatever versions those are. Expected jars come from the POM: none by default, the
 * older Jackson and SnakeYAML under the old-libraries profile.
 */
@LocalApi
class UserLibrariesTest {

  @Test
  void sees_its_own_libraries_and_none_of_localsams(URI api) throws Exception {
    var response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(api.resolve("hello")).build(), BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals(System.getProperty("expected.jackson"), jarOf("com.fasterxml.jackson.databind.ObjectMapper"));
    assertEquals(System.getProperty("expected.snakeyaml"), jarOf("org.yaml.snakeyaml.Yaml"));
    assertEquals("none", jarOf("io.undertow.Undertow"));
    assertEquals("none", jarOf("org.xnio.Xnio"));
    assertEquals("none", jarOf("org.jboss.threads.EnhancedQueueExecutor"));
    assertEquals("none", jarOf("picocli.CommandLine"));
    assertEquals("none", jarOf("org.objectweb.asm.ClassReader"));
  }

  /** The file name of the jar the test class path loads {@code className} from, or "none". */
  private static String jarOf(String className) throws Exception {
    try {
      Class<?> type = Class.forName(className, false, UserLibrariesTest.class.getClassLoader());
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    } catch (ClassNotFoundException e) {
      return "none";
    }
  }
}
