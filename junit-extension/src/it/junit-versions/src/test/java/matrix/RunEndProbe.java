package matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * After the engine has finished (and closed what its root store held), tries each served port and writes
 * "closed PORT" or "open PORT" to the file the run-end.marker property names: the IT reads it.
 */
public class RunEndProbe implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    List<String> lines = new ArrayList<>();
    for (int port : ServedPorts.all()) {
      lines.add((listening(port) ? "open " : "closed ") + port);
    }
    try {
      Files.write(Path.of(System.getProperty("run-end.marker")), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
