package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.reliability.RawHttp.Answer;
import io.localsam.testsupport.TestApi;
import java.io.IOException;

/**
 * The server the raw-socket tests talk to: {@code fixtures.EchoEvent}, which answers with the event
 * it got, on a REST API ({@code /echo}, {@code /echo/{proxy+}}) and an HTTP API ({@code
 * /h/{proxy+}}).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestApi api = EchoApi.forClass();
 * ...
 * JsonNode event = EchoApi.event(RawHttp.exchange(api.port(), "GET /echo HTTP/1.1\r\n..."));
 * }</pre>
 */
final class EchoApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEMPLATE =
      """
      Resources:
        Echo:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ${CODE}
            Handler: fixtures.EchoEvent
            Runtime: java17
            Events:
              Rest: {Type: Api, Properties: {Path: /echo, Method: any}}
              Greedy: {Type: Api, Properties: {Path: "/echo/{proxy+}", Method: any}}
              Http: {Type: HttpApi, Properties: {Path: "/h/{proxy+}", Method: any}}
      """;

  private EchoApi() {}

  /** The echo server for one test class. */
  static TestApi forClass() {
    return TestApi.forClass(TEMPLATE);
  }

  /** The event the function received, from its 200 answer. */
  static JsonNode event(Answer answer) throws IOException {
    assertNotNull(answer, "an answer");
    assertEquals(200, answer.status(), answer.toString());
    return JSON.readTree(answer.body());
  }
}
