package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TenancyConfig} (Lambda's tenant isolation) is not emulated: said by name at start-up, with
 * what differs from Lambda, and the function still serves.
 */
class TenancyConfigTest {
  @TempDir Path folder;

  @Test
  void tenantIsolationIsWarnedAboutByNameAndTheFunctionStillServes() {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Globals:
          Function: {TenancyConfig: {TenantIsolationMode: PER_TENANT}}
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Hello
              Runtime: java17
              Events: {Get: {Type: Api, Properties: {Path: /hello, Method: get}}}
        """)) {
      assertTrue(
          api.logged(
              "Warning: Hello: TenancyConfig (TenantIsolationMode PER_TENANT) is not emulated: invocations need"
                  + " no tenant id, tenants share the function's execution environments, and Context.getTenantId() is null"),
          api.logs().toString());

      HttpTestClient.Response response = api.http().get("/hello");
      assertEquals(200, response.status(), response.body());
    }
  }
}
