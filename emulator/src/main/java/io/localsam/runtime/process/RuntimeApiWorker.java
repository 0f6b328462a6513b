package io.localsam.runtime.process;

import io.localsam.host.HelperThreads;
import io.localsam.server.UndertowServers;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The threads every environment's Runtime API listener shares: one XNIO worker (an I/O thread and
 * an accept thread) for all of them, where a whole Undertow per environment had those plus worker
 * threads of its own. The Runtime API's handlers never block, so one I/O thread serves every
 * runtime. The worker exists while some listener is open and ends with the last one.
 */
final class RuntimeApiWorker {
  // What Undertow's builder gives a server: the buffer size for heaps above 128 MB, its socket
  // options,
  // and the 60 s after which a connection with no request in progress is closed.
  private static final int BUFFER_BYTES = 16 * 1024 - 20;
  private static final OptionMap SOCKET_OPTIONS =
      OptionMap.builder()
          .set(Options.TCP_NODELAY, true)
          .set(Options.REUSE_ADDRESSES, true)
          .set(Options.BACKLOG, 1000)
          .getMap();
  private static final OptionMap SERVER_OPTIONS =
      OptionMap.create(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000);

  private static XnioWorker worker; // guarded by the class, as is what follows
  private static DefaultByteBufferPool buffers;
  private static int open;

  private RuntimeApiWorker() {}

  /** One environment's listener on a free port of 127.0.0.1, serving {@code handler}. */
  static synchronized Listener listen(HttpHandler handler) {
    if (worker == null) {
      start();
    }
    HttpOpenListener connections = new HttpOpenListener(buffers, SERVER_OPTIONS);
    connections.setRootHandler(handler);
    AcceptingChannel<StreamConnection> channel;
    try {
      channel =
          worker.createStreamConnectionServer(
              new InetSocketAddress("127.0.0.1", 0),
              ChannelListeners.openListenerAdapter(connections),
              SOCKET_OPTIONS);
    } catch (IOException e) {
      if (open == 0) {
        stop();
      }
      throw new UncheckedIOException("the Runtime API cannot listen on 127.0.0.1", e);
    }
    channel.resumeAccepts();
    open++;
    return new Listener(channel, connections);
  }

  private static synchronized void closed() {
    if (--open == 0) {
      stop();
    }
  }

  private static void start() {
    UndertowServers.holdQuietLogs(RuntimeApiWorker.class);
    try {
      // in LocalSAM's own thread group, not that of the environment thread that happens to start it
      worker =
          Xnio.getInstance(HttpOpenListener.class.getClassLoader())
              .createWorker(
                  HelperThreads.group(),
                  OptionMap.builder()
                      .set(Options.WORKER_NAME, "localsam-runtime-api")
                      .set(Options.WORKER_IO_THREADS, 1)
                      .set(
                          Options.WORKER_TASK_CORE_THREADS,
                          1) // started only if Undertow ever hands it a task; we never do
                      .set(Options.WORKER_TASK_MAX_THREADS, 1)
                      .set(
                          Options.THREAD_DAEMON,
                          true) // an environment nobody closed never keeps LocalSAM's JVM alive
                      .getMap());
    } catch (IOException e) {
      throw new UncheckedIOException("the Runtime API's I/O thread cannot start", e);
    }
    buffers = new DefaultByteBufferPool(true, BUFFER_BYTES, -1, 4);
  }

  private static void stop() {
    worker.shutdown();
    buffers.close();
    worker = null;
    buffers = null;
    UndertowServers.releaseQuietLogs(RuntimeApiWorker.class);
  }

  /**
   * One environment's listener: its port, and its end, which also ends every connection it
   * accepted.
   */
  static final class Listener implements AutoCloseable {
    private final AcceptingChannel<StreamConnection> channel;
    private final HttpOpenListener connections;
    private final int port;
    private boolean closed; // guarded by this

    private Listener(AcceptingChannel<StreamConnection> channel, HttpOpenListener connections) {
      this.channel = channel;
      this.connections = connections;
      this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    int port() {
      return port;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      IoUtils.safeClose(channel);
      connections.closeConnections();
      RuntimeApiWorker.closed();
    }
  }
}
