package matrix;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Looks at the JVM before the engine starts and after it has finished (and closed what its root store held),
 * and writes what it saw to the file the run-end.marker property names, for the IT: "closed PORT" or
 * "open PORT" for each port the tests were served on, "unchanged WHAT" or "changed WHAT" for each
 * JVM-wide thing LocalSAM must leave as it found it.
 */
public class RunProbe implements TestExecutionListener {

  private static Map<String, Object> before;

  /** What the user's code sees JVM-wide: identities for objects, values for settings. */
  static Map<String, Object> jvmWide() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("System.out", System.out);
    state.put("System.err", System.err);
    state.put("LambdaRuntime.getLogger()", LambdaRuntime.getLogger());
    state.put("org.jboss.logging.provider", String.valueOf(System.getProperty("org.jboss.logging.provider")));
    for (String name : new String[] {"org.xnio", "io.undertow", "org.jboss"}) {
      state.put("level of " + name, String.valueOf(Logger.getLogger(name).getLevel()));
    }
    return state;
  }

  /** As before the run started. */
  static Map<String, Object> beforeTheRun() {
    return before;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    before = jvmWide();
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    List<String> lines = new ArrayList<>();
    for (int port : ServedPorts.all()) {
      lines.add((listening(port) ? "open " : "closed ") + port);
    }
    Map<String, Object> after = jvmWide();
    before.forEach((what, value) -> lines.add((same(value, after.get(what)) ? "unchanged " : "changed ") + what));
    try {
      Files.write(Path.of(System.getProperty("run-end.marker")), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Objects by identity (a stream put back is the same stream), settings by value. */
  static boolean same(Object a, Object b) {
    return a instanceof String ? Objects.equals(a, b) : a == b;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      return true;
    } catch (ConnectException refused) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
