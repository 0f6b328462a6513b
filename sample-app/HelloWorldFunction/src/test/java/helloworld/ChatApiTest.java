package helloworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import io.localsam.junit.LocalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ChatFunction's WebSocket API with a real WebSocket client (the JDK's): LocalSAM serves
 * ../template.yaml on a free port, and the function answers through the AWS SDK's management client
 * as it would once deployed. (It lives here, with the other tests of the whole app, because this
 * module is built last.)
 */
@LocalApi(template = "../template.yaml")
class ChatApiTest {

  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  private WebSocket connect(Emulator emulator) {
    URI socket = URI.create(emulator.uri("/production").toString().replaceFirst("^http", "ws"));
    return HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(
            socket,
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(
                  WebSocket webSocket, CharSequence text, boolean last) {
                received.add(text.toString());
                webSocket.request(1);
                return null;
              }
            })
        .join();
  }

  @Test
  void sendmessage_comes_back_through_the_connections_api(Emulator emulator) throws Exception {
    WebSocket client = connect(emulator);

    client.sendText("{\"action\":\"sendmessage\",\"data\":\"hello\"}", true).join();

    assertEquals(
        "{\"action\":\"sendmessage\",\"data\":\"hello\"}", received.poll(20, TimeUnit.SECONDS));
    client.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }

  @Test
  void any_other_message_is_echoed_by_the_default_route(Emulator emulator) throws Exception {
    WebSocket client = connect(emulator);

    client.sendText("hi there", true).join();

    assertEquals("echo: hi there", received.poll(20, TimeUnit.SECONDS));
    assertTrue(
        emulator.invocations("ChatFunction").stream() // the journal has each route's invocations
            .anyMatch(invocation -> invocation.event().contains("\"routeKey\":\"$default\"")));
    client.abort();
  }
}
