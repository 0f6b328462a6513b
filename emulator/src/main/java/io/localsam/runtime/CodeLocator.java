package io.localsam.runtime;

import io.localsam.error.LocalSamException;
import io.localsam.template.FunctionDef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds a function's code from its {@code CodeUri}, the way the developer has it: a Maven module
 * after {@code mvn package} ({@code target/classes} plus its runtime dependencies), a Lambda-layout
 * folder (classes at the root, {@code lib/*.jar}), {@code .aws-sam/build/<LogicalId>} after {@code
 * sam build}, or a built jar or zip.
 */
final class CodeLocator {
  private final Path templateFolder;
  private final Consumer<String> log;

  /** Resolved once per module and run: many functions often share one Maven module. */
  private final ConcurrentHashMap<Path, CompletableFuture<List<Path>>> modules =
      new ConcurrentHashMap<>();

  CodeLocator(Path templateFolder, Consumer<String> log) {
    this.templateFolder = templateFolder;
    this.log = log;
  }

  /**
   * The function's code, then its layers' {@code java/lib/*.jar}, as Lambda orders /var/task and
   * /opt/java/lib.
   */
  FunctionCode locate(FunctionDef function) {
    FunctionCode code = locateCode(function);
    if (function.layers().isEmpty()) {
      return code;
    }
    List<Path> classpath = new ArrayList<>(code.classpath());
    int jars = 0;
    for (Path layer : function.layers()) {
      Path root = layer;
      if (Files.isRegularFile(layer) && layer.getFileName().toString().endsWith(".zip")) {
        root = extract(function, layer).classpath().get(0);
      } else if (!Files.isDirectory(layer)) {
        throw new LocalSamException(
            function.logicalId() + ": layer " + relative(layer) + " does not exist.");
      }
      FunctionCode libraries = lambdaLayout(root.resolve("java"), "");
      List<Path> layerJars = libraries.classpath().subList(1, libraries.classpath().size());
      classpath.addAll(layerJars);
      jars += layerJars.size();
    }
    return new FunctionCode(
        classpath,
        code.description() + " + " + function.layers().size() + " layer(s) with " + jars + " jars");
  }

  private FunctionCode locateCode(FunctionDef function) {
    Path code = function.codeUri();
    Path built = templateFolder.resolve(".aws-sam").resolve("build").resolve(function.logicalId());
    if (Files.isDirectory(code)) {
      if (Files.isRegularFile(code.resolve("pom.xml"))) {
        Path classes = code.resolve("target").resolve("classes");
        if (Files.isDirectory(classes)) {
          List<Path> classpath = new ArrayList<>();
          classpath.add(classes);
          classpath.addAll(dependencies(code, function.logicalId()));
          return new FunctionCode(
              classpath,
              "Maven module "
                  + relative(code)
                  + " (target/classes + "
                  + (classpath.size() - 1)
                  + " jars)");
        }
        if (Files.isDirectory(built)) {
          return lambdaLayout(built, "sam build output " + relative(built));
        }
        throw new LocalSamException(
            function.logicalId()
                + ": "
                + relative(classes)
                + " does not exist. Run `mvn package` in "
                + relative(code)
                + " first.");
      }
      if (GradleClasspath.isGradleModule(code)) {
        Path classes = code.resolve("build").resolve("classes");
        if (Files.isDirectory(classes)) {
          List<Path> classpath = new GradleClasspath(code, log).resolve(function.logicalId());
          return new FunctionCode(
              classpath,
              "Gradle module " + relative(code) + " (" + classpath.size() + " class path entries)");
        }
        if (Files.isDirectory(built)) {
          return lambdaLayout(built, "sam build output " + relative(built));
        }
        throw new LocalSamException(
            function.logicalId()
                + ": "
                + relative(classes)
                + " does not exist. Run `gradle build` in "
                + relative(code)
                + " first.");
      }
      return lambdaLayout(code, "folder " + relative(code));
    }
    if (Files.isRegularFile(code)) {
      return archive(function, code);
    }
    if (Files.isDirectory(built)) {
      return lambdaLayout(built, "sam build output " + relative(built));
    }
    throw new LocalSamException(
        function.logicalId() + ": CodeUri " + relative(code) + " does not exist.");
  }

  private List<Path> dependencies(Path module, String functionId) {
    CompletableFuture<List<Path>> mine = new CompletableFuture<>();
    CompletableFuture<List<Path>> known = modules.putIfAbsent(module, mine);
    if (known != null) {
      return known.join(); // another function of the same module resolved (or is resolving) it
    }
    try {
      mine.complete(new MavenClasspath(module, log).resolve(functionId));
    } catch (RuntimeException e) {
      modules.remove(module, mine); // let a later look (a reload) try again
      mine.completeExceptionally(e);
      throw e;
    }
    return mine.join();
  }

  /** Forgets what was resolved, so a changed pom.xml is looked at again. */
  void forget(Path module) {
    modules.remove(module);
  }

  private FunctionCode archive(FunctionDef function, Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(".zip") && !name.endsWith(".jar")) {
      throw new LocalSamException(
          function.logicalId()
              + ": CodeUri "
              + relative(file)
              + " is a file but not a .jar or .zip.");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      boolean lambdaLayout =
          name.endsWith(".zip")
              || zip.stream()
                  .anyMatch(e -> e.getName().startsWith("lib/") && e.getName().endsWith(".jar"));
      if (!lambdaLayout) {
        return new FunctionCode(List.of(file), "jar " + relative(file));
      }
    } catch (IOException e) {
      throw new LocalSamException(
          function.logicalId() + ": cannot read " + relative(file) + ": " + e.getMessage());
    }
    return extract(function, file);
  }

  /**
   * Unpacks a zip (or a jar with lib/) to a temporary folder, as Lambda unpacks a deployment
   * package.
   */
  private FunctionCode extract(FunctionDef function, Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Path folder = Files.createTempDirectory("localsam-" + function.logicalId() + "-");
      deleteOnExit(folder);
      for (ZipEntry entry : Collections.list(zip.entries())) {
        Path target = folder.resolve(entry.getName()).normalize();
        if (!target.startsWith(folder)) {
          throw new LocalSamException(
              function.logicalId()
                  + ": "
                  + relative(file)
                  + " has an entry outside its root: "
                  + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return lambdaLayout(folder, "archive " + relative(file));
    } catch (IOException e) {
      throw new LocalSamException(
          function.logicalId() + ": cannot read " + relative(file) + ": " + e.getMessage());
    }
  }

  /**
   * The Lambda package layout: the folder itself, then {@code lib/*.jar} in name order, as the
   * runtime orders them.
   */
  static FunctionCode lambdaLayout(Path folder, String description) {
    List<Path> classpath = new ArrayList<>();
    classpath.add(folder);
    Path lib = folder.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
            .sorted()
            .forEach(classpath::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new FunctionCode(
        classpath,
        description
            + (classpath.size() > 1 ? " (+ " + (classpath.size() - 1) + " jars in lib/)" : ""));
  }

  private String relative(Path path) {
    try {
      Path cwd = Path.of("").toAbsolutePath();
      String relative = path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
      return relative.isEmpty() ? "." : relative;
    } catch (RuntimeException e) {
      return path.toString();
    }
  }

  private static void deleteOnExit(Path folder) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                  } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                  }
                },
                "localsam-cleanup"));
  }
}
