package io.localsam.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.localsam.gateway.auth.TestTokens;
import io.localsam.testsupport.TestApi;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless browser: Debian's chromium and chromedriver, driven by
 * Selenium with the driver's path given (Selenium Manager never looks anything up). Skipped, saying
 * why, where they are not installed; CI's {@code .ci/run} installs them. Each page is saved as a
 * screenshot in {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  @TempDir static Path folder;

  static TestApi api;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      System.out.println(
          "ConsoleBrowserTest skipped: no "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (apt-get install chromium chromium-driver, as .ci/run does)");
    }
    assumeTrue(
        installed,
        "no " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
    Path jwks = Files.writeString(folder.resolve("jwks.json"), TestTokens.jwks());
    api =
        TestApi.start(
            Files.createDirectories(folder.resolve("app")),
            AdminApiTest.TEMPLATE,
            options -> options.jwks(jwks.toString()));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1600,1200",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (api != null) {
      api.close();
    }
  }

  @BeforeEach
  void openTheConsole() {
    browser.get(api.emulator().consoleUri().toString());
    wait.until(
        ExpectedConditions.attributeContains(
            By.id("live"), "class", "on")); // the event stream is open
    wait.until(driver -> !driver.findElements(By.cssSelector("#routes tbody tr")).isEmpty());
  }

  @Test
  void the_console_lists_the_routes() throws IOException {
    List<WebElement> routes = browser.findElements(By.cssSelector("#routes tbody tr"));

    assertEquals(3, routes.size());
    assertTrue(browser.findElement(By.id("routes")).getText().contains("/orders"));
    assertTrue(browser.findElement(By.id("routes")).getText().contains("Jwt (JWT)"));
    screenshot("01-routes");
  }

  @Test
  void a_request_made_a_moment_ago_shows_in_the_live_list_without_a_reload() throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

    api.http().get("/hello?name=browser");

    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='invocations']//tr[contains(., '/hello?name=browser')]")));
    assertTrue(row.getText().contains("200"), row.getText());
    assertTrue(row.getText().contains("Hello"), row.getText());
    assertEquals(
        Boolean.TRUE,
        ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"));
    screenshot("02-live-invocations");
  }

  @Test
  void an_invocation_opens_with_its_event_response_and_logs_and_replays() throws IOException {
    api.http().get("/hello?name=detail");
    WebElement row =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//table[@id='invocations']//tr[contains(., '/hello?name=detail')]")));

    row.click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-event"), "detail"));
    String event = browser.findElement(By.id("detail-event")).getText();
    assertTrue(event.contains("\n  \"resource\": \"/hello\""), "pretty-printed: " + event);
    assertTrue(
        browser.findElement(By.id("detail-response")).getText().contains("\"statusCode\": 200"));
    assertTrue(browser.findElement(By.id("detail-logs")).getText().contains("START RequestId"));
    assertTrue(
        browser
            .findElement(By.id("detail-request"))
            .getText()
            .startsWith("GET /hello?name=detail"));
    screenshot("03-invocation-detail");

    browser.findElement(By.id("replay")).click();

    wait.until(
        ExpectedConditions.textMatches(
            By.id("replay-result"),
            java.util.regex.Pattern.compile("Replayed #\\d+: 200 as #\\d+")));
    String replayed = browser.findElement(By.id("replay-result")).getText();
    String newId = replayed.substring(replayed.lastIndexOf('#') + 1);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#invocations tr[data-id='" + newId + "']")));
    screenshot("04-replayed");
  }

  @Test
  void a_failed_invocation_shows_its_error_and_stack_trace() throws IOException {
    api.http().post("/fail", "{\"order\": 7}");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//table[@id='invocations']//tr[contains(., 'POST /fail')]")))
        .click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("detail-error"), "IllegalStateException"));

    String error = browser.findElement(By.id("detail-error")).getText();
    assertTrue(error.contains("outer boom"), error);
    assertTrue(error.contains("at fixtures.Failing"), error);
    assertTrue(browser.findElement(By.id("detail-request")).getText().contains("\"order\": 7"));
    screenshot("05-failed-invocation");
  }

  @Test
  void try_it_calls_a_jwt_route_with_a_minted_token() throws IOException {
    browser
        .findElement(By.xpath("//table[@id='routes']//tr[contains(., '/orders')]//button"))
        .click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("try-token")));
    assertEquals(
        "https://issuer.example", browser.findElement(By.id("token-issuer")).getAttribute("value"));
    assertEquals("orders/read", browser.findElement(By.id("token-scopes")).getAttribute("value"));
    WebElement subject = browser.findElement(By.id("token-subject"));
    subject.clear();
    subject.sendKeys("alice");

    browser.findElement(By.id("token-mint")).click();
    wait.until(
        driver ->
            driver
                .findElement(By.id("try-headers"))
                .getAttribute("value")
                .contains("Authorization: Bearer ey"));
    browser.findElement(By.id("try-send")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-status"), "200"));
    String answer = browser.findElement(By.id("try-answer")).getText();
    assertTrue(answer.contains("alice"), answer); // the function's event carries the token's claims
    assertFalse(answer.contains("Unauthorized"), answer);
    screenshot("06-try-it-jwt");
  }

  private static void screenshot(String name) throws IOException {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
