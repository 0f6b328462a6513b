package matrix;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The function behind GET /hello; it prints, as functions do, in both ways LocalSAM routes. */
public class HelloFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    System.out.println("saying hello");
    LambdaRuntime.getLogger().log("said hello\n");
    return Map.of("statusCode", 200, "body", "hello");
  }
}
