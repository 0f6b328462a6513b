package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A plain {@code URI} parameter is the base URL only where no other resolver takes it: never
 * "competing resolvers".
 */
class UriResolutionTest {

  static final URI OTHER = URI.create("urn:another-resolver");

  @Test
  void a_uri_another_resolver_takes_is_left_to_it() {
    EngineExecutionResults results =
        EngineRuns.run(
            DeclaredResolverCase.class,
            RegisteredResolverCase.class,
            ParameterizedCase.class,
            AnnotatedOnlyCase.class);

    assertEquals("[]", EngineRuns.failures(results).toString(), EngineRuns.describe(results));
    assertEquals(5, results.testEvents().succeeded().count(), EngineRuns.describe(results));
  }

  /** Takes every {@code URI}, or with {@code annotatedOnly} those marked {@link Other}. */
  public static class UriResolver implements ParameterResolver {
    private final boolean annotatedOnly;

    public UriResolver() {
      this(false);
    }

    UriResolver(boolean annotatedOnly) {
      this.annotatedOnly = annotatedOnly;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == URI.class
          && (!annotatedOnly || parameter.isAnnotated(Other.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return OTHER;
    }
  }

  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Other {}

  @LocalApi(template = Fixtures.ECHO)
  @ExtendWith(UriResolver.class)
  static class DeclaredResolverCase {
    @Test
    void gets_the_other_resolvers_uri(URI uri, LocalApiInfo api) {
      assertEquals(OTHER, uri);
      assertEquals(200, ApiClient.get(api.uri("/echo/declared")).status());
    }
  }

  @LocalApi(template = Fixtures.ECHO)
  static class RegisteredResolverCase {
    @RegisterExtension static UriResolver resolver = new UriResolver();

    @Test
    void gets_the_other_resolvers_uri(URI uri) {
      assertEquals(OTHER, uri);
    }
  }

  @LocalApi(template = Fixtures.ECHO)
  static class ParameterizedCase {
    @ParameterizedTest
    @ValueSource(strings = "https://example.com/")
    void gets_its_argument(URI uri) {
      assertEquals(URI.create("https://example.com/"), uri);
    }
  }

  @LocalApi(template = Fixtures.ECHO)
  static class AnnotatedOnlyCase {
    @RegisterExtension static UriResolver resolver = new UriResolver(true);

    @Test
    void gets_both(@Other URI other, URI api) {
      assertEquals(OTHER, other);
      assertTrue(api.toString().startsWith("http://127.0.0.1:"), api.toString());
      assertEquals(200, ApiClient.get(api.resolve("echo/annotated")).status());
    }

    @Test
    void gets_the_base_url_where_nobody_else_claims_it(URI api) {
      assertEquals(200, ApiClient.get(api.resolve("echo/alone")).status());
    }
  }
}
