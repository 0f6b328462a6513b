package io.localsam.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import io.localsam.config.Isolation;
import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -d PORT --debug-function F} end to end, as an IDE would use it: the function's process
 * waits for a debugger on 127.0.0.1, a real JDWP client (the JDK's own JDI) attaches, stops at a
 * breakpoint in the handler for longer than the function's Timeout, and the request still answers,
 * as timeouts are suspended while debugging.
 */
class DebuggerTest {
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path folder;

  @Test
  void aDebuggerStopsInTheHandlerAndTheTimeoutWaitsForIt() throws Exception {
    int port = freePort();
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Debugged:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Hello
              Runtime: java17
              Timeout: 1
              Events: {Get: {Type: Api, Properties: {Path: /hello, Method: get}}}
          Other:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: ${CODE}, Handler: fixtures.Hello, Runtime: java17}
        """,
            options ->
                options.isolation(
                    new Isolation(false, Set.of(), Map.of(), port, Set.of("Debugged"))))) {
      assertTrue(
          api.logged("Debugged: runs in a process of its own: Java "), api.logs().toString());
      assertTrue(api.logged("debugger on port " + port), api.logs().toString());
      assertTrue(
          api.logged("Other: runs in-process"), "only the debugged function leaves LocalSAM's JVM");

      CompletableFuture<HttpTestClient.Response> request =
          CompletableFuture.supplyAsync(() -> api.http().get("/hello?name=debugger"));
      VirtualMachine vm = attach(port);
      try {
        ClassPrepareRequest prepared = vm.eventRequestManager().createClassPrepareRequest();
        prepared.addClassFilter("fixtures.Hello");
        prepared.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        prepared.enable();
        vm.resume(); // suspend=y: the JVM waited for us before running anything

        ClassPrepareEvent loaded = next(vm, ClassPrepareEvent.class);
        BreakpointRequest breakpoint =
            vm.eventRequestManager()
                .createBreakpointRequest(handleRequest(loaded.referenceType()).location());
        breakpoint.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        breakpoint.enable();
        loaded.thread().resume();

        BreakpointEvent stopped = next(vm, BreakpointEvent.class);
        assertEquals("handleRequest", stopped.location().method().name());
        // Held at the breakpoint for longer than Timeout: 1. This is the test's subject, not a wait
        // for readiness.
        assertFalse(request.isDone(), "the request waits while the handler is stopped");
        Thread.sleep(1_500);
        assertFalse(request.isDone(), "no Sandbox.Timedout while a debugger holds the function");
        breakpoint.disable();
        stopped.thread().resume();

        HttpTestClient.Response response = request.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, response.status(), response.body());
        assertEquals("{\"message\":\"hello debugger\",\"function\":\"Debugged\"}", response.body());
      } finally {
        vm.dispose();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Attaches to JDWP on 127.0.0.1:{@code port}, retrying (with a bound) until the child's JVM
   * listens.
   */
  private static VirtualMachine attach(int port) throws Exception {
    AttachingConnector socket =
        Bootstrap.virtualMachineManager().attachingConnectors().stream()
            .filter(connector -> connector.name().equals("com.sun.jdi.SocketAttach"))
            .findFirst()
            .orElseThrow();
    Map<String, Connector.Argument> arguments = socket.defaultArguments();
    arguments.get("hostname").setValue("127.0.0.1");
    arguments.get("port").setValue(Integer.toString(port));
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      try {
        return socket.attach(arguments);
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no debugger port " + port + " within " + BOUND, notYet);
        }
        Thread.sleep(20); // the child's JVM is starting; polled with a bound
      }
    }
  }

  /** The handler's own method, not the bridge the compiler adds for the generic interface. */
  private static Method handleRequest(ReferenceType type) {
    return type.methodsByName("handleRequest").stream()
        .filter(method -> !method.isBridge())
        .findFirst()
        .orElseThrow();
  }

  /** The next event of {@code kind}, resuming past any other; within the bound. */
  private static <E extends Event> E next(VirtualMachine vm, Class<E> kind)
      throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      EventSet events = vm.eventQueue().remove(1_000);
      if (events == null) {
        continue;
      }
      for (Event event : events) {
        if (kind.isInstance(event)) {
          return kind.cast(event);
        }
      }
      events.resume();
    }
    throw new AssertionError("no " + kind.getSimpleName() + " within " + BOUND);
  }
}
