package io.localsam.maven;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import io.localsam.template.TemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Live coding: watches every function module's sources, resources and {@code pom.xml}, and the
 * template, with file-system events. A save recompiles its module into {@code target/classes} once
 * the files have been quiet for {@link #QUIET_MILLIS}; the emulator's hot reload then serves the
 * new classes. A {@code pom.xml} save reads the module again (class path, compiler settings); a
 * template save adds the modules it newly names (the emulator reloads the template itself).
 */
final class LiveCoding implements AutoCloseable {
  /**
   * Editors write a file in several steps (truncate, write, rename): act once they have finished.
   */
  static final long QUIET_MILLIS = 50;

  private final FunctionBuilds builds;
  private final Path template;
  private final Map<String, String> parameterOverrides;
  private final String region;
  private final Consumer<String> log;
  private final Runnable reloadTemplate;
  private final WatchService watcher;
  private final Set<Path> watchedFolders = new HashSet<>();
  private final Thread thread;

  private LiveCoding(
      FunctionBuilds builds,
      Path template,
      Map<String, String> parameterOverrides,
      String region,
      Consumer<String> log,
      Runnable reloadTemplate)
      throws IOException {
    this.builds = builds;
    this.template = template;
    this.parameterOverrides = parameterOverrides;
    this.region = region;
    this.log = log;
    this.reloadTemplate = reloadTemplate;
    this.watcher = FileSystems.getDefault().newWatchService();
    this.thread = new Thread(this::run, "localsam-live-coding");
    thread.setDaemon(true);
  }

  /**
   * Starts watching. {@code reloadTemplate} reads the template again once the modules it newly
   * names are compiled: the emulator's own reload may have come first and found no classes there.
   */
  static LiveCoding start(
      FunctionBuilds builds,
      Path template,
      Map<String, String> parameterOverrides,
      String region,
      Consumer<String> log,
      Runnable reloadTemplate) {
    try {
      LiveCoding live =
          new LiveCoding(builds, template, parameterOverrides, region, log, reloadTemplate);
      live.watch(template.getParent());
      live.watchModules();
      live.thread.start();
      return live;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void watchModules() {
    for (FunctionModule module : builds.modules()) {
      watch(module.folder());
      module.inputRoots().forEach(this::watchTree);
    }
  }

  private void run() {
    try {
      while (true) {
        Set<Path> changed = new LinkedHashSet<>(changes(watcher.take()));
        WatchKey more;
        while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          changed.addAll(changes(more));
        }
        act(changed);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: live coding ends with the goal
    } catch (RuntimeException e) {
      log.accept("Live coding stopped: " + e);
    }
  }

  private Set<Path> changes(WatchKey key) {
    Set<Path> changed = new LinkedHashSet<>();
    Path folder = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.context() instanceof Path name) {
        Path file = folder.resolve(name);
        changed.add(file);
        if (event.kind() == ENTRY_CREATE && Files.isDirectory(file) && isUnderInputRoot(file)) {
          watchTree(file); // a new package: watch it, and count what it already holds
          changed.addAll(filesIn(file));
        }
      }
    }
    key.reset();
    return changed;
  }

  private void act(Set<Path> changed) {
    Set<Path> recompile = new LinkedHashSet<>();
    Set<Path> reread = new LinkedHashSet<>();
    boolean templateChanged = false;
    for (Path file : changed) {
      if (file.equals(template)) {
        templateChanged = true;
      }
      for (FunctionModule module : builds.modules()) {
        if (file.equals(module.pom())) {
          reread.add(module.folder());
        } else if (module.inputRoots().stream().anyMatch(file::startsWith)
            && !isEditorScratch(file)) {
          recompile.add(module.folder());
        }
      }
    }
    reread.forEach(builds::reread);
    recompile.removeAll(reread);
    recompile.forEach(builds::recompile);
    if (templateChanged) {
      boolean added;
      try {
        added =
            builds.add(
                FunctionBuilds.moduleFolders(
                    TemplateLoader.load(template, parameterOverrides, region)));
      } catch (RuntimeException e) {
        return; // the emulator reports a template it cannot read, once
      }
      if (added) {
        watchModules();
        reloadTemplate.run();
      }
    }
  }

  private boolean isUnderInputRoot(Path folder) {
    return builds.modules().stream()
        .anyMatch(m -> m.inputRoots().stream().anyMatch(folder::startsWith));
  }

  /**
   * Swap and backup files editors write beside a source ({@code .App.java.swp}, {@code App.java~},
   * ...).
   */
  private static boolean isEditorScratch(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".")
        || name.endsWith("~")
        || name.endsWith(".swp")
        || name.endsWith(".tmp");
  }

  private void watchTree(Path root) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> folders = Files.walk(root)) {
      folders.filter(Files::isDirectory).forEach(this::watch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Path> filesIn(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toSet());
    } catch (IOException e) {
      return Set.of();
    }
  }

  private synchronized void watch(Path folder) {
    if (watchedFolders.add(folder)) {
      try {
        folder.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      // closing is best effort
    }
    thread.interrupt();
  }
}
