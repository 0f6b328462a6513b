package io.localsam.junit;

import io.localsam.config.RuntimeClient;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Serves a SAM template's APIs for a test class: the functions run in-process, on a free port,
 * started before the first test and reached over real HTTP.
 *
 * <pre>{@code
 * @LocalApi(template = "../template.yaml", parameters = {"Stage=test"})
 * class HelloWorldApiTest {
 *   private final HttpClient http = HttpClient.newHttpClient();
 *
 *   @Test
 *   void says_hello(URI api) throws Exception {                    // http://127.0.0.1:PORT/
 *     HttpResponse<String> response =
 *         http.send(HttpRequest.newBuilder(api.resolve("hello")).build(), BodyHandlers.ofString());
 *
 *     assertEquals(200, response.statusCode());
 *     assertEquals("{\"message\": \"hello world\"}", response.body());
 *   }
 *
 *   @Test
 *   void records_each_invocation(URI api, Emulator emulator) throws Exception {
 *     http.send(HttpRequest.newBuilder(emulator.uri("/hello")).build(), BodyHandlers.ofString());
 *
 *     assertEquals("HelloWorldFunction", emulator.invocations().get(0).functionId());
 *   }
 * }
 * }</pre>
 *
 * <p><b>Injection.</b> Parameters of type {@link java.net.URI} (the base URL, ending in {@code /}),
 * {@link io.localsam.Emulator}, {@link LocalApiInfo} (both, with the port, in one) and {@link
 * Tokens} (a fresh token builder with the issuer and audience the template's authorizers expect)
 * are resolved in constructors, test methods and lifecycle methods, {@code @BeforeAll} included.
 *
 * <p><b>Authorizers.</b> Routes keep their authorizers. Every emulator the extension starts trusts
 * this JVM's test key, so a token from {@link Tokens} passes JWT and Cognito authorizers: {@code
 * tokens.subject("alice").scope("orders/read").bearer()}.
 *
 * <p><b>Paths.</b> {@link #template()} and {@link #envVars()} are relative to the module directory:
 * the {@code basedir} system property that Maven's Surefire sets, else the working directory.
 *
 * <p><b>Lifetime and sharing.</b> By default ({@link Sharing#RUN}) emulators are shared: every
 * class (in one JVM run) that asks for the same template and options gets the same emulator,
 * started once and closed when the run ends, so twenty test classes pay the start-up once; before
 * each class it is {@linkplain io.localsam.Emulator#reset() reset}, so no class sees another's warm
 * environments, function static fields or cached authorizer results. {@link Sharing#RUN_KEEP_STATE}
 * skips that reset; {@link Sharing#CLASS} gives the class an emulator of its own, closed after its
 * last test. The journal ({@link io.localsam.Emulator#invocations()}) is cleared before each test.
 * A {@code @Nested} class uses its enclosing class's emulator (not reset in between); one with its
 * own {@code @LocalApi} gets the emulator for its own options. The annotation is {@linkplain
 * Inherited inherited} and works as a meta-annotation on your own composed annotation.
 *
 * <p><b>Parallel execution.</b> {@code @LocalApi} classes take turns (the annotation carries the
 * {@link ResourceLock} {@value #LOCK}), so a shared emulator's journal only ever holds the running
 * test's invocations; other test classes still run beside them. A lock per template would need
 * JUnit 5.12's lock providers, and the extension supports 5.10. {@link LocalApiExtension}
 * registered with {@code @RegisterExtension} gets no lock: add {@code @ResourceLock(LocalApi.LOCK)}
 * if you need one.
 *
 * <p>For options an annotation cannot carry (per-function environment variables), register a {@link
 * LocalApiExtension#builder()} instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalApiExtension.class)
@ResourceLock(LocalApi.LOCK)
public @interface LocalApi {

  /** The resource every {@code @LocalApi} class locks, for JUnit's parallel execution. */
  String LOCK = "io.localsam.junit.LocalApi";

  /** The SAM template, relative to the module directory (or absolute). */
  String template() default "template.yaml";

  /**
   * Template parameter values, each {@code "Key=Value"}, as {@code --parameter-overrides} takes
   * them.
   */
  String[] parameters() default {};

  /**
   * An {@code --env-vars} JSON file in SAM's shape, relative to the module directory; empty for
   * none.
   */
  String envVars() default "";

  /** The port to serve on; {@code 0} (the default) picks a free one. */
  int port() default 0;

  /** The value of {@code AWS::Region} and {@code AWS_REGION}; empty for LocalSAM's default. */
  String region() default "";

  /**
   * Fails a test when a function failed while it ran (threw, timed out or could not load), with the
   * function's error document in the message. Off by default: a test may provoke a failure on
   * purpose.
   */
  boolean failOnFunctionError() default false;

  /**
   * Key sets JWT and Cognito authorizers also trust (files relative to the module directory, {@code
   * http(s)} URLs, or the JSON itself). The extension's test key is always trusted: tokens from
   * {@link Tokens} pass.
   */
  String[] jwks() default {};

  /**
   * API key values accepted on methods that require one, besides the template's {@code ApiKey}
   * values.
   */
  String[] apiKeys() default {};

  /** Runs routes without their authorizers, as {@code --disable-authorizer} does. */
  boolean disableAuthorizer() default false;

  /**
   * Serves the web console and admin API under {@code /__localsam/} (on by default: the emulator is
   * bound to loopback); false turns them off, as {@code --no-console} does.
   */
  boolean console() default true;

  /**
   * Where functions run, as {@code --isolation} says: {@link IsolationMode#IN_PROCESS} (the
   * default, fastest) or {@link IsolationMode#PROCESS}, each execution environment a JVM of its
   * own.
   */
  IsolationMode isolation() default IsolationMode.IN_PROCESS;

  /**
   * Functions that run in processes of their own even when the others run in-process ({@code
   * --isolation-process}).
   */
  String[] processFunctions() default {};

  /**
   * The JDK for a runtime in process isolation, each {@code "java21=/path/to/jdk"}, as {@code
   * --jdk} takes them.
   */
  String[] jdks() default {};

  /**
   * A PEM certificate to serve HTTPS with, relative to the module directory, as {@code
   * --ssl-cert-file}; goes with {@link #sslKeyFile()}. The injected base URL is then {@code
   * https://}, and the test's HTTP client must trust the certificate.
   */
  String sslCertFile() default "";

  /**
   * The certificate's unencrypted PEM private key, relative to the module directory, as {@code
   * --ssl-key-file}.
   */
  String sslKeyFile() default "";

  /**
   * What a Java function's process runs, as {@code --runtime-client} says: {@link
   * RuntimeClient#LOCALSAM} (the default) or {@link RuntimeClient#AWS}, AWS's runtime interface
   * client (Linux x86_64 and aarch64 only). AWS's client runs only in processes, so with it every
   * function gets one unless {@link #processFunctions()} names some.
   */
  RuntimeClient runtimeClient() default RuntimeClient.LOCALSAM;

  /**
   * Which classes the emulator serves: {@link Sharing#RUN} (the default: shared by every class on
   * the same options, reset before each), {@link Sharing#RUN_KEEP_STATE} (shared, never reset) or
   * {@link Sharing#CLASS} (its own).
   */
  Sharing sharing() default Sharing.RUN;
}
