package io.localsam.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Finds a local JDK for a function's {@code Runtime} ({@code java21} needs Java 21 or newer),
 * looking in this order and taking the first place that has one: {@code --jdk} choices, Maven's
 * {@code toolchains.xml}, {@code JAVA_HOME}-style variables, then the usual install folders of
 * Linux, macOS and Windows (package managers, SDKMAN, IntelliJ's {@code ~/.jdks}, Gradle's, asdf's,
 * macOS's and Windows' JDK folders). Within one place the lowest satisfying version wins, so a
 * function runs on the Java it was written for when the machine has it.
 */
public final class JdkLocator {
  private static final Pattern RUNTIME = Pattern.compile("java(\\d+)(\\.al2)?");
  // JAVA_HOME, JAVA21_HOME, JAVA_HOME_21_X64 (GitHub's runners), JDK21_HOME, JDK_21_HOME
  private static final Pattern HOME_VARIABLE =
      Pattern.compile("(JAVA|JDK)_?(\\d*)_?HOME(_(\\d+)_\\w+)?");

  private final Map<String, Path> chosen;
  private final Map<String, String> environment;
  private final Path userHome;
  private final List<Path> installFolders;

  /**
   * @param chosen the {@code --jdk} choices: runtime ({@code java21}) to JDK home
   * @param environment the variables to read {@code JAVA_HOME} and its kin from
   */
  public JdkLocator(Map<String, Path> chosen, Map<String, String> environment, Path userHome) {
    this(chosen, environment, userHome, defaultInstallFolders(userHome, environment));
  }

  JdkLocator(
      Map<String, Path> chosen,
      Map<String, String> environment,
      Path userHome,
      List<Path> installFolders) {
    this.chosen = Map.copyOf(chosen);
    this.environment = Map.copyOf(environment);
    this.userHome = userHome;
    this.installFolders = List.copyOf(installFolders);
  }

  /**
   * The feature version a runtime name asks for: {@code java21} is 21, {@code java8.al2} is 8; 0
   * for other runtimes.
   */
  public static int feature(String runtime) {
    Matcher matcher = RUNTIME.matcher(runtime == null ? "" : runtime);
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  /** The JDK to run {@code runtime} with. */
  public Jdk locate(String runtime) throws JdkNotFound {
    int feature = feature(runtime);
    List<String> lookedIn = new ArrayList<>();
    Path named = chosen.get(runtime);
    if (named != null) {
      // A JDK the developer named is used even when older, so a deliberate choice is never
      // second-guessed;
      // the class-file check still refuses classes it cannot load.
      lookedIn.add("--jdk " + runtime + "=" + named);
      Optional<Jdk> jdk = Jdk.at(named, "--jdk " + runtime);
      if (jdk.isPresent()) {
        return jdk.get();
      }
    }
    for (Source source : sources()) {
      lookedIn.add(source.description());
      Optional<Jdk> best =
          source.jdks().stream()
              .filter(jdk -> jdk.feature() >= feature)
              .min(Comparator.comparingInt(Jdk::feature));
      if (best.isPresent()) {
        return best.get();
      }
    }
    throw new JdkNotFound(runtime, feature, lookedIn);
  }

  private record Source(String description, List<Jdk> jdks) {}

  private List<Source> sources() {
    List<Source> sources = new ArrayList<>();
    Path toolchains = userHome.resolve(".m2").resolve("toolchains.xml");
    sources.add(new Source(toolchains.toString(), toolchainJdks(toolchains)));
    Map<String, Path> variables = homeVariables();
    List<Jdk> fromVariables = new ArrayList<>();
    variables.forEach((name, home) -> Jdk.at(home, name).ifPresent(fromVariables::add));
    sources.add(
        new Source(
            variables.isEmpty() ? "JAVA_HOME (not set)" : String.join(", ", variables.keySet()),
            fromVariables));
    for (Path folder : installFolders) {
      sources.add(new Source(folder.toString(), installedIn(folder)));
    }
    return sources;
  }

  private Map<String, Path> homeVariables() {
    Map<String, Path> homes = new LinkedHashMap<>();
    environment.entrySet().stream()
        .filter(
            variable ->
                HOME_VARIABLE.matcher(variable.getKey()).matches()
                    && !variable.getValue().isBlank())
        .sorted(Map.Entry.comparingByKey())
        .forEach(variable -> homes.put(variable.getKey(), Path.of(variable.getValue())));
    return homes;
  }

  /** The JDKs of Maven's toolchains file: {@code <toolchain><type>jdk</type>...<jdkHome>}. */
  static List<Jdk> toolchainJdks(Path file) {
    List<Jdk> jdks = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return jdks;
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      NodeList toolchains = document.getElementsByTagName("toolchain");
      for (int i = 0; i < toolchains.getLength(); i++) {
        Element toolchain = (Element) toolchains.item(i);
        if (text(toolchain, "type").equals("jdk") && !text(toolchain, "jdkHome").isEmpty()) {
          Jdk.at(Path.of(text(toolchain, "jdkHome")), file.toString()).ifPresent(jdks::add);
        }
      }
    } catch (Exception unreadable) {
      // A broken toolchains file is Maven's problem to report; here it just offers no JDK.
    }
    return jdks;
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  /**
   * The JDKs directly inside an install folder; macOS bundles keep theirs in {@code Contents/Home}.
   */
  static List<Jdk> installedIn(Path folder) {
    List<Jdk> jdks = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return jdks;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      entries
          .sorted()
          .forEach(
              entry ->
                  Jdk.at(entry, folder.toString())
                      .or(
                          () ->
                              Jdk.at(entry.resolve("Contents").resolve("Home"), folder.toString()))
                      .ifPresent(jdks::add));
    } catch (IOException unreadable) {
      // an unreadable folder offers no JDK
    }
    return jdks;
  }

  static List<Path> defaultInstallFolders(Path userHome, Map<String, String> environment) {
    List<Path> folders =
        new ArrayList<>(
            List.of(
                Path.of("/usr/lib/jvm"),
                Path.of("/usr/java"),
                Path.of("/opt/java"),
                userHome.resolve(".sdkman/candidates/java"),
                userHome.resolve(".jdks"),
                userHome.resolve(".gradle/jdks"),
                userHome.resolve(".asdf/installs/java"),
                userHome.resolve("Library/Java/JavaVirtualMachines"),
                Path.of("/Library/Java/JavaVirtualMachines")));
    for (String programFiles : new String[] {"ProgramFiles", "ProgramW6432"}) {
      String root = environment.get(programFiles);
      if (root != null) {
        for (String vendor :
            new String[] {
              "Java", "Eclipse Adoptium", "Amazon Corretto", "Microsoft", "Zulu", "BellSoft"
            }) {
          folders.add(Path.of(root, vendor));
        }
      }
    }
    return folders.stream().distinct().toList();
  }
}
