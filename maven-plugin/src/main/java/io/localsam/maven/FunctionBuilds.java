package io.localsam.maven;

import io.localsam.template.FunctionDef;
import io.localsam.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The template's function modules (each {@code CodeUri} that is a folder with a {@code pom.xml}),
 * read from their POMs and compiled when their classes are missing or older than their sources. A
 * failed compile is reported once per distinct set of errors: saving the same broken file again
 * does not repeat it.
 */
final class FunctionBuilds {
  private final FunctionModuleReader reader;
  private final ModuleCompiler compiler;
  private final Consumer<String> log;
  private final Map<Path, FunctionModule> modules = new LinkedHashMap<>();
  private final Map<Path, List<String>> lastErrors = new LinkedHashMap<>();

  FunctionBuilds(FunctionModuleReader reader, ModuleCompiler compiler, Consumer<String> log) {
    this.reader = reader;
    this.compiler = compiler;
    this.log = log;
  }

  /** The folders of the template's Maven function modules, in template order, each once. */
  static List<Path> moduleFolders(Template template) {
    return template.functions().values().stream()
        .map(FunctionDef::codeUri)
        .filter(code -> code != null && Files.isRegularFile(code.resolve("pom.xml")))
        .map(code -> code.toAbsolutePath().normalize())
        .distinct()
        .toList();
  }

  /**
   * Reads each module not read yet and compiles those not up to date; a compile error stops the
   * goal.
   */
  synchronized void prepare(List<Path> folders) throws MojoFailureException {
    for (Path folder : folders) {
      FunctionModule module = modules.get(folder);
      if (module == null) {
        module = reader.read(folder);
        modules.put(folder, module);
      }
      if (!ModuleCompiler.upToDate(module)) {
        CompileResult result = compiler.compile(module);
        if (!result.succeeded()) {
          throw new MojoFailureException(result.failureReport());
        }
        log.accept(module.name() + ": compiled in " + result.millis() + " ms");
      }
    }
  }

  synchronized List<FunctionModule> modules() {
    return List.copyOf(modules.values());
  }

  /** Compiles a module again after a save; the result is logged, an error once. */
  synchronized void recompile(Path folder) {
    FunctionModule module = modules.get(folder);
    if (module == null) {
      return;
    }
    CompileResult result = compiler.compile(module);
    if (result.succeeded()) {
      lastErrors.remove(folder);
      log.accept(
          module.name()
              + ": compiled in "
              + result.millis()
              + " ms"
              + (result.changedFiles() == 0
                  ? ", nothing changed"
                  : ", "
                      + result.changedFiles()
                      + " file(s) updated; the next request runs the new code"));
    } else if (!result.errors().equals(lastErrors.put(folder, result.errors()))) {
      log.accept(result.failureReport());
    }
  }

  /** Reads a module's POM again (its class path or compiler settings changed), then compiles it. */
  synchronized void reread(Path folder) {
    try {
      modules.put(folder, reader.read(folder));
      log.accept(folder.getFileName() + ": pom.xml read again");
      recompile(folder);
    } catch (MojoFailureException e) {
      log.accept(e.getMessage() + " (the last good build keeps serving)");
    }
  }

  /**
   * Adds the modules a reloaded template names; one that cannot be read or compiled is reported and
   * skipped. True when a module was added.
   */
  synchronized boolean add(List<Path> folders) {
    boolean added = false;
    for (Path folder : folders) {
      if (!modules.containsKey(folder)) {
        try {
          prepare(List.of(folder));
          added = true;
        } catch (MojoFailureException e) {
          log.accept(e.getMessage());
        }
      }
    }
    return added;
  }
}
