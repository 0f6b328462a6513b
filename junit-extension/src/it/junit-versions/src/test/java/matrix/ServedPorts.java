package matrix;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** The ports the tests were served on, for RunEndProbe to look at once the run has ended. */
public final class ServedPorts {

  private static final Set<Integer> PORTS = new ConcurrentSkipListSet<>();

  private ServedPorts() {}

  static void add(int port) {
    PORTS.add(port);
  }

  static Set<Integer> all() {
    return Set.copyOf(PORTS);
  }
}
