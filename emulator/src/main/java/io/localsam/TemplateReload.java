package io.localsam;

import io.localsam.error.LocalSamException;
import io.localsam.runtime.EnvVarsFile;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.FunctionSet;
import io.localsam.runtime.FunctionUpdate;
import io.localsam.runtime.TemplateWatcher;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Keeps a running LocalSAM on the template as it is on disk, as SAM CLI reloads it: when the
 * template or a file it reads changes, it is read again and what changed is put in use without a
 * restart. Functions whose definition and environment did not change keep their warm environments;
 * new and changed ones get new ones; removed ones close as their last invocation ends. Requests in
 * flight finish on the version they arrived under. A version that cannot be read, or whose code
 * cannot be found, changes nothing: the error is logged with its file, line and column, and the
 * last good version keeps serving.
 */
final class TemplateReload implements AutoCloseable {

  /**
   * What serves a version of the template besides its functions: readies its routes, returns what
   * puts them in use.
   */
  @FunctionalInterface
  public interface Serving {
    Runnable prepare(Template next, FunctionSet functions);
  }

  private final EmulatorOptions options;
  private final FunctionRuntime runtime;
  private final Serving serving;
  private final Consumer<String> log;
  private final TemplateWatcher watcher; // null when the template is not watched
  private final UnaryOperator<Template>
      selection; // what of each version is served (start-lambda FUNCTION...)
  private volatile Template current;
  private boolean closed; // guarded by this

  private TemplateReload(
      EmulatorOptions options,
      Template loaded,
      TemplateWatcher watcher,
      FunctionRuntime runtime,
      Serving serving,
      Consumer<String> log,
      UnaryOperator<Template> selection) {
    this.options = options;
    this.current = loaded;
    this.watcher = watcher;
    this.runtime = runtime;
    this.serving = serving;
    this.log = log;
    this.selection = selection;
  }

  /**
   * What watches {@code loaded}'s files, taking their state now: call it as soon as the template is
   * read, so an edit made while the rest starts up is not missed. Null when the options turn
   * watching off.
   */
  public static TemplateWatcher watcher(
      EmulatorOptions options, Template loaded, Consumer<String> log) {
    return options.watchTemplate()
        ? new TemplateWatcher(loaded.file(), files(options, loaded), log)
        : null;
  }

  /**
   * Starts reloading {@code loaded} as {@code watcher} sees it change (none: only {@link #reload()}
   * on request).
   *
   * @param loaded the version in use, as read at start-up
   * @param log where the reload lines go
   */
  public static TemplateReload start(
      EmulatorOptions options,
      Template loaded,
      TemplateWatcher watcher,
      FunctionRuntime runtime,
      Serving serving,
      Consumer<String> log) {
    return start(options, loaded, watcher, runtime, serving, log, UnaryOperator.identity());
  }

  /**
   * As above, serving of each version read what {@code selection} keeps of it (it may refuse one
   * with a LocalSamException).
   */
  public static TemplateReload start(
      EmulatorOptions options,
      Template loaded,
      TemplateWatcher watcher,
      FunctionRuntime runtime,
      Serving serving,
      Consumer<String> log,
      UnaryOperator<Template> selection) {
    TemplateReload reload =
        new TemplateReload(options, loaded, watcher, runtime, serving, log, selection);
    if (watcher != null) {
      watcher.start(reload::reload);
    }
    return reload;
  }

  /** The version in use. */
  public Template current() {
    return current;
  }

  /**
   * Reads the template again and puts what changed in use; false, and nothing changed, when it
   * cannot.
   */
  public synchronized boolean reload() {
    if (closed) {
      return false;
    }
    Template before = current;
    Template next;
    FunctionUpdate update;
    Runnable routes;
    try {
      next =
          selection.apply(
              TemplateLoader.load(
                  options.template(), options.parameterOverrides(), options.region()));
      update =
          runtime.prepare(
              next, EnvVarsFile.read(options.envVars()).with(options.functionEnvironment()));
    } catch (LocalSamException e) {
      log.accept("Template not reloaded (the last good version keeps serving): " + e.getMessage());
      return false;
    }
    try {
      routes = serving.prepare(next, update.functions());
    } catch (RuntimeException e) {
      update.discard();
      log.accept("Template not reloaded (the last good version keeps serving): " + e.getMessage());
      return false;
    }
    runtime.apply(update);
    routes.run();
    current = next;
    if (watcher != null) {
      watcher.watch(files(options, next));
    }
    next.warnings().stream()
        .filter(warning -> !before.warnings().contains(warning))
        .forEach(warning -> log.accept("Warning: " + warning));
    log.accept(TemplateChanges.between(before, next, update.changes()).line());
    return true;
  }

  private static Set<Path> files(EmulatorOptions options, Template template) {
    Set<Path> files = new LinkedHashSet<>(template.files());
    if (options.envVars() != null) {
      files.add(options.envVars().toAbsolutePath().normalize());
    }
    return files;
  }

  /** Stops watching; a reload under way finishes first. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    synchronized (this) {
      closed = true;
    }
  }
}
