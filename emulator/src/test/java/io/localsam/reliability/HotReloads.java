package io.localsam.reliability;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.localsam.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.tools.ToolProvider;

/**
 * Rebuilds of one function, as `mvn compile` in another terminal leaves them: the class is compiled
 * once, and each generation patches its fixed-width marker ("gen-00000") in the class file, so a
 * hundred rebuilds cost no compiler runs. Every environment's class loader registers itself,
 * weakly, by logging a weak reference to it through java.util.logging, whose loggers are the JVM's
 * (a function's system properties are its environment's own), so the test can tell which loaders
 * are still alive.
 */
final class HotReloads {
  static final String LOADERS = "localsam.reliability.loaders";
  private static final Logger CHANNEL =
      Logger.getLogger(LOADERS); // held: the LogManager keeps loggers weakly
  private static final List<WeakReference<ClassLoader>> REGISTERED = new CopyOnWriteArrayList<>();

  static {
    CHANNEL.setUseParentHandlers(false);
    CHANNEL.setLevel(Level.ALL);
    CHANNEL.addHandler(
        new Handler() {
          @Override
          @SuppressWarnings("unchecked")
          public void publish(LogRecord record) {
            if (record.getParameters() != null
                && record.getParameters()[0] instanceof WeakReference<?> loader) {
              REGISTERED.add((WeakReference<ClassLoader>) loader);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  private static final String MARKER = "gen-00000";

  private final Path code;
  private final byte[] template;
  private final Instant base = Instant.now();

  private HotReloads(Path code, byte[] template) {
    this.code = code;
    this.template = template;
  }

  /** Compiles the function into {@code folder/code} (generation 0) and returns the rebuilder. */
  static HotReloads compile(Path folder) {
    return compile(folder, "");
  }

  /**
   * Like {@link #compile(Path)}, and each environment also starts a thread named {@value #STUBBORN}
   * that waits forever and swallows interrupts, as badly written background code does: only
   * stopping it ends it.
   */
  static HotReloads compileWithStubbornThread(Path folder) {
    return compile(
        folder,
        """
        Thread stubborn = new Thread(() -> {
          Object lock = new Object();
          synchronized (lock) {
            while (true) {
              try {
                lock.wait();
              } catch (InterruptedException ignored) {
                // swallowed
              }
            }
          }
        }, "%s");
        stubborn.setDaemon(true);
        stubborn.start();
        """
            .formatted(STUBBORN));
  }

  static final String STUBBORN = "hot-stubborn";

  /**
   * Like {@link #compile(Path)}, and each environment also has {@code CompletableFuture} run
   * something after a delay, which starts the JDK's one delay-scheduler thread if nothing has yet.
   */
  static HotReloads compileWithDelayedTask(Path folder) {
    return compile(
        folder,
        """
        java.util.concurrent.CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.MILLISECONDS, Runnable::run)
            .execute(() -> { });
        """);
  }

  private static HotReloads compile(Path folder, String moreStaticInit) {
    try {
      Path source = folder.resolve("src/hot/Generation.java");
      Files.createDirectories(source.getParent());
      Files.writeString(
          source,
          """
          package hot;
          public class Generation implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, String> {
            static final String GENERATION = "%s";
            static {
              java.util.logging.Logger.getLogger("%s").log(java.util.logging.Level.INFO, "loader",
                  new java.lang.ref.WeakReference<>(Generation.class.getClassLoader()));
              %s
            }
            public String handleRequest(Object input, com.amazonaws.services.lambda.runtime.Context context) {
              return GENERATION;
            }
          }
          """
              .formatted(MARKER, LOADERS, moreStaticInit),
          StandardCharsets.UTF_8);
      Path code = folder.resolve("code");
      String coreApi =
          Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
      int status =
          ToolProvider.getSystemJavaCompiler()
              .run(null, null, null, "-d", code.toString(), "-cp", coreApi, source.toString());
      if (status != 0) {
        throw new IllegalStateException("the hot-reload function does not compile");
      }
      return new HotReloads(code, Files.readAllBytes(code.resolve("hot/Generation.class")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Path code() {
    return code;
  }

  static String marker(int generation) {
    return String.format("gen-%05d", generation);
  }

  /** Writes generation {@code n}'s class file, with a modification time of its own. */
  void write(int generation) {
    byte[] patched = template.clone();
    byte[] from = MARKER.getBytes(StandardCharsets.US_ASCII);
    byte[] to = marker(generation).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= patched.length; i++) {
      if (Arrays.equals(patched, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, patched, i, to.length);
      }
    }
    try {
      Path file = code.resolve("hot/Generation.class");
      Files.write(file, patched);
      Files.setLastModifiedTime(file, FileTime.from(base.plusSeconds(generation * 10L)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rebuilds to {@code generation} and waits (bounded) until the function answers with it. */
  void reloadTo(Emulator emulator, String functionId, int generation) {
    write(generation);
    String expected = "\"" + marker(generation) + "\"";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String answer = null;
    while (System.nanoTime() < deadline) {
      answer = emulator.invoke(functionId, "{}").response();
      if (answer.equals(expected)) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    throw new AssertionError(
        "generation "
            + generation
            + " was not loaded within 30 s; the function still answers "
            + answer);
  }

  /** Every loader an environment of this function registered so far. */
  static List<WeakReference<ClassLoader>> loaders() {
    return List.copyOf(REGISTERED);
  }

  /**
   * Loaders not yet collected, after asking for collections (bounded) until at most {@code allowed}
   * remain.
   */
  static long liveLoadersAfterGc(long allowed) {
    JvmGauges.await(
        30,
        () -> {
          System.gc();
          return live() <= allowed;
        });
    return live();
  }

  private static long live() {
    return loaders().stream().filter(ref -> ref.get() != null).count();
  }

  static void forget() {
    REGISTERED.clear();
  }
}
