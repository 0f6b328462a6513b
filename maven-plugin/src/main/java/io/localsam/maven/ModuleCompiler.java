package io.localsam.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Compiles a function module with the JDK's compiler in Maven's own JVM: every source of the module
 * into a fresh folder, then into {@code target/classes} only what changed, and the resources copied
 * as they are. Compiling the whole module keeps it simple and correct (a changed constant or a
 * deleted class reaches every user); in a JVM that has compiled once, a function module takes a
 * fraction of a second, where a forked {@code mvn compile} pays a JVM and Maven's start-up each
 * time (README, "Maven plugin").
 */
final class ModuleCompiler {
  private final JavaCompiler javac;

  ModuleCompiler() throws MojoFailureException {
    javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new MojoFailureException(
          "Maven runs on a Java runtime without a compiler ("
              + System.getProperty("java.home")
              + "): run it with a JDK (JAVA_HOME) to compile functions.");
    }
  }

  /**
   * True when {@code target/classes} is newer than every source and resource: nothing to compile at
   * start-up.
   */
  static boolean upToDate(FunctionModule module) {
    FileTime newestInput = newest(module.inputRoots());
    FileTime newestOutput = newest(List.of(module.output()));
    return newestOutput != null
        && (newestInput == null || newestInput.compareTo(newestOutput) <= 0);
  }

  CompileResult compile(FunctionModule module) {
    long started = System.nanoTime();
    Path target = module.output().getParent();
    Path fresh = target.resolve("localsam-compile-next");
    Path previous = target.resolve("localsam-compile");
    ClassesFolder.deleteTree(fresh);
    try {
      Files.createDirectories(fresh);
      Files.createDirectories(module.output());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<File> sources = javaSources(module.sourceRoots());
    List<String> errors = sources.isEmpty() ? List.of() : javac(module, sources, fresh);
    if (!errors.isEmpty()) {
      ClassesFolder.deleteTree(fresh);
      return new CompileResult(module.name(), errors, 0, elapsed(started));
    }
    int changed = ClassesFolder.update(fresh, previous, module.output());
    for (Path resources : module.resourceRoots()) {
      changed += ClassesFolder.copyTree(resources, module.output());
    }
    return new CompileResult(module.name(), List.of(), changed, elapsed(started));
  }

  private List<String> javac(FunctionModule module, List<File> sources, Path output) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Charset charset =
        module.compiler().encoding() == null
            ? StandardCharsets.UTF_8
            : Charset.forName(module.compiler().encoding());
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, charset)) {
      List<String> options = new ArrayList<>(module.compiler().options());
      options.addAll(
          List.of(
              "-d",
              output.toString(),
              "-classpath",
              module.classpath().stream()
                  .map(Path::toString)
                  .collect(Collectors.joining(File.pathSeparator))));
      Boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromFiles(sources))
              .call();
      List<String> errors =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
              .map(d -> describe(module, d))
              .toList();
      return ok || !errors.isEmpty() ? errors : List.of("javac failed without saying why");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (
        IllegalArgumentException
            e) { // an option javac does not take, e.g. a --release it does not know
      return List.of("javac: " + e.getMessage());
    }
  }

  /**
   * {@code src/main/java/helloworld/App.java:12: error: ';' expected}, then the line and a caret,
   * as javac prints it.
   */
  private static String describe(
      FunctionModule module, Diagnostic<? extends JavaFileObject> diagnostic) {
    String where =
        diagnostic.getSource() == null
            ? ""
            : module.folder().relativize(Path.of(diagnostic.getSource().toUri()))
                + ":"
                + diagnostic.getLineNumber()
                + ": ";
    return "  "
        + where
        + "error: "
        + diagnostic.getMessage(Locale.ROOT).replace("\n", System.lineSeparator() + "  ");
  }

  private static List<File> javaSources(List<Path> roots) {
    List<File> sources = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
              .sorted()
              .forEach(p -> sources.add(p.toFile()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return sources;
  }

  private static FileTime newest(List<Path> roots) {
    FileTime newest = null;
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          FileTime time = Files.getLastModifiedTime(file);
          newest = newest == null || time.compareTo(newest) > 0 ? time : newest;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return newest;
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
