package io.localsam.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Save-to-served with the Maven plugin: runs {@code mvn localsam:start-api} on a copy of
 * sample-app/ (LocalSAM's artifacts from this build in a private repository under bench/target),
 * then changes one line of HelloWorldFunction's App.java again and again and polls {@code GET
 * /hello} until it answers with the new line: the time from the save to the first new answer,
 * compile and hot reload included. For comparison, it then times a forked {@code mvn -o -q compile}
 * of the same module after the same kind of edit.
 *
 * <p>{@code java -cp bench/target/classes io.localsam.bench.LiveCodingProbe REPOSITORY_ROOT
 * [EDITS]}
 */
public final class LiveCodingProbe {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LiveCodingProbe() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath();
    int edits = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String version = "0.1.0-SNAPSHOT";
    Path work = root.resolve("bench/target/live-coding");
    deleteTree(work);
    Path repository = work.resolve("repository");
    publish(repository, "localsam-parent", version, root.resolve("pom.xml"), null);
    publish(
        repository,
        "localsam-emulator",
        version,
        root.resolve("emulator/pom.xml"),
        root.resolve("emulator/target/localsam-emulator-" + version + ".jar"));
    publish(
        repository,
        "localsam-maven-plugin",
        version,
        root.resolve("maven-plugin/pom.xml"),
        root.resolve("maven-plugin/target/localsam-maven-plugin-" + version + ".jar"));
    publish(
        repository,
        "localsam-junit",
        version,
        root.resolve("junit-extension/target/dependency-reduced-pom.xml"),
        root.resolve("junit-extension/target/localsam-junit-" + version + ".jar"));
    Path sample = work.resolve("sample-app");
    copySample(root.resolve("sample-app"), sample);
    Path outer =
        Path.of(
            System.getProperty(
                "localsam.outerRepository", System.getProperty("user.home") + "/.m2/repository"));
    String remote =
        "<id>outer</id><url>"
            + outer.toUri()
            + "</url><releases><checksumPolicy>ignore</checksumPolicy></releases>";
    Files.writeString(
        work.resolve("settings.xml"),
        "<settings><profiles><profile><id>outer</id><repositories><repository>"
            + remote
            + "</repository></repositories><pluginRepositories><pluginRepository>"
            + remote
            + "</pluginRepository></pluginRepositories>"
            + "</profile></profiles><activeProfiles><activeProfile>outer</activeProfile></activeProfiles></settings>");
    Files.createDirectories(sample.resolve(".mvn"));
    Files.writeString(
        sample.resolve(".mvn/maven.config"),
        String.join(
                "\n",
                "-B",
                "-o",
                "-Daether.offline.protocols=file",
                "-s",
                work.resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + repository)
            + "\n");

    Path app = sample.resolve("HelloWorldFunction/src/main/java/helloworld/App.java");
    String original = Files.readString(app);
    Path log = work.resolve("start-api.log");
    Process maven =
        new ProcessBuilder("mvn", "localsam:start-api", "-Dlocalsam.port=0")
            .directory(sample.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    List<Long> millis = new ArrayList<>();
    try {
      URI hello =
          URI.create(
              awaitLog(log, maven, "Mounting HelloWorldFunction at (http://\\S+/hello)").group(1));
      awaitBody(hello, "hello world", 60_000);
      for (int edit = 0;
          edit < edits + 2;
          edit++) { // the first two warm javac and the reload up, as a working session has
        String marker = String.format(Locale.ROOT, "hello edit %03d", edit);
        Files.writeString(app, original.replace("hello world", marker));
        long saved = System.nanoTime();
        awaitBody(hello, marker, 30_000);
        if (edit >= 2) {
          millis.add((System.nanoTime() - saved) / 1_000_000);
        }
      }
    } finally {
      maven.destroy();
      if (!maven.waitFor(40, TimeUnit.SECONDS)) {
        maven.destroyForcibly();
      }
    }
    Files.writeString(app, original);
    List<Long> forked = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Files.writeString(app, original.replace("hello world", "hello forked " + run));
      long started = System.nanoTime();
      Process compile =
          new ProcessBuilder("mvn", "-q", "compile")
              .directory(sample.resolve("HelloWorldFunction").toFile())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("forked-compile.log").toFile())
              .start();
      if (compile.waitFor() != 0) {
        throw new IllegalStateException(
            "mvn compile failed: see " + work.resolve("forked-compile.log"));
      }
      forked.add((System.nanoTime() - started) / 1_000_000);
    }
    long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.println("| measure | result |");
    System.out.println("|---|--:|");
    System.out.printf(
        Locale.ROOT,
        "| save to served, one-line edit of App.java with `mvn localsam:start-api` running (median of %d; min / max) | %d ms (%d / %d ms) |%n",
        sorted.length,
        sorted[sorted.length / 2],
        sorted[0],
        sorted[sorted.length - 1]);
    System.out.printf(
        Locale.ROOT,
        "| a forked `mvn -o -q compile` of the module alone, after the same edit (%s) | %s ms |%n",
        forked.size() + " runs",
        String.join(" / ", forked.stream().map(String::valueOf).toList()));
  }

  private static Matcher awaitLog(Path log, Process maven, String regex)
      throws IOException, InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(Files.readString(log));
      if (matcher.find()) {
        return matcher;
      }
      if (!maven.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("mvn localsam:start-api did not start; see " + log);
  }

  private static void awaitBody(URI uri, String expected, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response =
            HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.body().contains(expected)) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException(
        "'" + expected + "' not served within " + timeoutMillis + " ms");
  }

  private static void publish(
      Path repository, String artifactId, String version, Path pom, Path jar) throws IOException {
    Path folder = repository.resolve("io/localsam").resolve(artifactId).resolve(version);
    Files.createDirectories(folder);
    Files.copy(
        pom,
        folder.resolve(artifactId + "-" + version + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(
          jar,
          folder.resolve(artifactId + "-" + version + ".jar"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void copySample(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        if (Stream.of(relative.toString().split("/")).anyMatch("target"::equals)) {
          continue;
        }
        if (Files.isDirectory(file)) {
          Files.createDirectories(to.resolve(relative.toString()));
        } else {
          Files.copy(file, to.resolve(relative.toString()));
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(file);
        }
      }
    }
  }
}
