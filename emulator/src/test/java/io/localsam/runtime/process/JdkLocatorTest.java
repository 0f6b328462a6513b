package io.localsam.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which JDK a runtime gets, looked for in the documented order, with JDK homes laid out as
 * installers lay them out.
 */
class JdkLocatorTest {
  @TempDir Path root;

  @Test
  void runtimeNamesGiveTheirJavaVersion() {
    assertEquals(21, JdkLocator.feature("java21"));
    assertEquals(8, JdkLocator.feature("java8.al2"));
    assertEquals(0, JdkLocator.feature("provided.al2023"));
    assertEquals(8, Jdk.feature("\"1.8.0_392\""));
    assertEquals(25, Jdk.feature("\"25\""));
    assertEquals(21, Jdk.feature("21.0.2"));
  }

  @Test
  void aNamedJdkWinsOverEverythingElse() throws Exception {
    Path named = jdk("named", "21.0.1");
    Path home = jdk("home", "21.0.3");
    JdkLocator locator =
        new JdkLocator(
            Map.of("java21", named), Map.of("JAVA_HOME", home.toString()), root, List.of());
    Jdk jdk = locator.locate("java21");
    assertEquals(named, jdk.home());
    assertEquals("--jdk java21", jdk.foundIn());
  }

  @Test
  void toolchainsComeBeforeJavaHome() throws Exception {
    Path fromToolchains = jdk("tc21", "21.0.4");
    Path home = jdk("home", "21.0.3");
    Files.createDirectories(root.resolve(".m2"));
    Files.writeString(
        root.resolve(".m2/toolchains.xml"),
        """
        <toolchains>
          <toolchain><type>jdk</type><provides><version>17</version></provides>
            <configuration><jdkHome>%s</jdkHome></configuration></toolchain>
          <toolchain><type>jdk</type><provides><version>21</version></provides>
            <configuration><jdkHome>%s</jdkHome></configuration></toolchain>
        </toolchains>
        """
            .formatted(jdk("tc17", "17.0.9"), fromToolchains));
    JdkLocator locator =
        new JdkLocator(Map.of(), Map.of("JAVA_HOME", home.toString()), root, List.of());
    assertEquals(fromToolchains, locator.locate("java21").home());
    assertEquals(
        root.resolve("tc17"), locator.locate("java17").home(), "the lowest version that is enough");
  }

  @Test
  void javaHomeStyleVariablesThenInstallFolders() throws Exception {
    Path java17Home = jdk("j17", "17.0.2");
    Path versioned = jdk("j21", "21.0.2");
    Path installs = Files.createDirectories(root.resolve("jvm"));
    jdkAt(installs.resolve("temurin-25"), "25");
    jdkAt(installs.resolve("Temurin-23.jdk/Contents/Home"), "23"); // a macOS bundle
    Map<String, String> env =
        Map.of("JAVA_HOME", java17Home.toString(), "JAVA_HOME_21_X64", versioned.toString());
    JdkLocator locator = new JdkLocator(Map.of(), env, root, List.of(installs));
    assertEquals(java17Home, locator.locate("java17").home());
    assertEquals(versioned, locator.locate("java21").home());
    Jdk installed = locator.locate("java22");
    assertEquals(23, installed.feature());
    assertEquals(installs.toString(), installed.foundIn());
  }

  @Test
  void noJdkIsOneMessageNamingTheRuntimeAndWhereItLooked() throws Exception {
    Path installs = Files.createDirectories(root.resolve("jvm"));
    jdkAt(installs.resolve("old"), "17.0.1");
    JdkLocator locator = new JdkLocator(Map.of(), Map.of(), root, List.of(installs));
    JdkNotFound missing = assertThrows(JdkNotFound.class, () -> locator.locate("java21"));
    assertTrue(
        missing.getMessage().startsWith("No JDK 21 or newer found for Runtime java21."),
        missing.getMessage());
    assertTrue(missing.getMessage().contains(installs.toString()), missing.getMessage());
    assertTrue(missing.getMessage().contains("toolchains.xml"), missing.getMessage());
    assertTrue(missing.getMessage().contains("--jdk java21="), missing.getMessage());
    assertEquals(0, missing.getStackTrace().length);
  }

  @Test
  void findsANewerJdkOnThisMachineForJava21() throws Exception {
    JdkLocator locator =
        new JdkLocator(Map.of(), System.getenv(), Path.of(System.getProperty("user.home")));
    Jdk jdk;
    try {
      jdk = locator.locate("java21");
    } catch (JdkNotFound none) {
      assumeTrue(false, "no JDK 21 or newer on this machine: " + none.getMessage());
      return;
    }
    assertTrue(jdk.feature() >= 21);
    assertTrue(Files.isExecutable(jdk.java()));
  }

  private Path jdk(String name, String version) throws IOException {
    return jdkAt(root.resolve(name), version);
  }

  private static Path jdkAt(Path home, String version) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/java"), "");
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    return home.toAbsolutePath().normalize();
  }
}
