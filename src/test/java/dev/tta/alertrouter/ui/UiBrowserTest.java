package dev.tta.alertrouter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser: Debian's chromium, headless, driven through its chromedriver against
 * the whole server on 127.0.0.1 fed the recorded Alertmanager payloads. Waits are explicit waits on
 * what the page shows, never sleeps.
 */
class UiBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static UiFixtureServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path chromium = Peers.require("chromium", "chromium", "chromium chromium-driver");
    Path chromedriver = Peers.require("chromedriver", "chromium-driver", "chromium chromium-driver");
    server = new UiFixtureServer(dir.resolve("data")).feed();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1000",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, WAIT);
  }

  private static void open(String path) {
    browser.get(server.base() + path);
  }

  private static By alertRow(String fingerprint) {
    return By.cssSelector("li.alert[data-fingerprint='" + fingerprint + "']");
  }

  @Test
  void filtersTheAlertListAndKeepsTheFilterInTheUrl() {
    open("/alerts");
    waiting().until(ExpectedConditions.presenceOfElementLocated(alertRow(UiFixtureServer.SERVICE_DOWN)));
    WebElement filter = browser.findElement(By.id("filter"));
    filter.clear();
    filter.sendKeys("team=\"cost-optimization\" priority=~\"P1|P2\"");
    filter.submit();
    waiting().until(ExpectedConditions.urlContains("filter="));
    waiting().until(ExpectedConditions.presenceOfElementLocated(alertRow(UiFixtureServer.CACHE_1)));
    assertTrue(browser.findElements(alertRow(UiFixtureServer.SERVICE_DOWN)).isEmpty());
    // The URL alone reproduces the view.
    String shared = browser.getCurrentUrl();
    open("/alerts");
    browser.get(shared);
    assertTrue(browser.findElements(alertRow(UiFixtureServer.SERVICE_DOWN)).isEmpty());
    assertFalse(browser.findElements(alertRow(UiFixtureServer.CACHE_1)).isEmpty());
  }

  @Test
  void opensAnAlertAndReadsItsStory() {
    open("/alerts?priority=P0");
    browser.findElement(alertRow(UiFixtureServer.SERVICE_DOWN)).findElement(By.cssSelector("a.name")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("story")));
    assertTrue(browser.getCurrentUrl().endsWith("/alerts/" + UiFixtureServer.SERVICE_DOWN));
    String story = browser.findElement(By.id("story")).getText();
    assertTrue(story.contains("priority P0: severity \"critical\" maps to it"), story);
    assertTrue(story.toLowerCase().contains("route"), story);
    assertTrue(story.contains("critical-alerts"), story);
    assertTrue(browser.findElement(By.id("story-now-text")).getText().startsWith("firing"));
  }

  @Test
  void silencesAnAlertFromItsPageSeesItSilencedThenExpiresTheSilence() {
    open("/alerts/" + UiFixtureServer.SERVICE_DOWN);
    browser.findElement(By.id("silence-this")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("silence-form")));
    assertTrue(browser.findElement(By.id("matchers")).getAttribute("value").contains("alertname=\"TTAServiceDown\""));
    waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#preview " + "li.alert[data-fingerprint='" + UiFixtureServer.SERVICE_DOWN + "']")));
    browser.findElement(By.id("createdBy")).sendKeys("alice");
    browser.findElement(By.id("comment")).sendKeys("fix being deployed");
    browser.findElement(By.id("save-silence")).click();
    waiting().until(ExpectedConditions.urlContains("/silences?saved="));
    WebElement silence = browser.findElement(By.cssSelector("li.silence[data-state='active']"));
    assertTrue(silence.getText().contains("alice"));

    open("/alerts");
    WebElement state = browser.findElement(alertRow(UiFixtureServer.SERVICE_DOWN)).findElement(By.cssSelector(".state"));
    assertEquals("silenced", state.getText());
    open("/alerts/" + UiFixtureServer.SERVICE_DOWN);
    assertEquals("silenced", browser.findElement(By.id("alert-state")).getText());
    assertTrue(browser.findElement(By.id("story-now-text")).getText().startsWith("silenced by "));

    open("/silences");
    browser.findElement(By.cssSelector("li.silence[data-state='active'] button.danger")).click();
    waiting().until(ExpectedConditions.urlContains("/silences?expired="));
    assertTrue(browser.findElements(By.cssSelector("li.silence[data-state='active']")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("li.silence[data-state='expired']")).isEmpty());
    open("/alerts/" + UiFixtureServer.SERVICE_DOWN);
    assertEquals("firing", browser.findElement(By.id("alert-state")).getText());
  }

  @Test
  void acknowledgesTheAlertsGroupFromItsPageByKeyboardThenUnacknowledgesIt() {
    open("/alerts/" + UiFixtureServer.SERVICE_DOWN);
    WebElement form = browser.findElement(By.cssSelector("#acks form.ack"));
    assertEquals("not acknowledged", form.findElement(By.cssSelector(".not-acked")).getText());
    form.findElement(By.name("by")).sendKeys("alice");
    // Enter in the comment field submits the form, as a keyboard user would.
    form.findElement(By.name("comment")).sendKeys("rolling back <b>now</b>" + Keys.ENTER);

    WebElement acked = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#acks .acked")));
    assertTrue(browser.getCurrentUrl().endsWith("/alerts/" + UiFixtureServer.SERVICE_DOWN));
    assertTrue(acked.getText().matches("acknowledged by alice at .+: rolling back <b>now</b>"), acked.getText());
    open("/alerts");
    assertTrue(browser.findElement(By.cssSelector("#alert-board .group-key .acked")).getText()
        .startsWith("acknowledged by alice at "));

    browser.findElement(By.cssSelector("#alert-board .group-key .acked")).findElement(By.xpath(".."))
        .findElement(By.cssSelector("a.ack-link")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#acks button[value='unack']")));
    browser.findElement(By.cssSelector("#acks button[value='unack']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#acks .not-acked")));
    assertTrue(browser.findElements(By.cssSelector("#acks .acked")).isEmpty());
  }

  @Test
  void theSilenceFormPreviewsTheMatchedAlertsAsMatchersAreTyped() {
    open("/silences/new");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Type matchers"));
    WebElement matchers = browser.findElement(By.id("matchers"));
    matchers.sendKeys("alertname=\"TTACacheHitRateLow\"");
    waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#preview li.alert[data-fingerprint='" + UiFixtureServer.CACHE_1 + "']")));
    assertTrue(browser.findElements(By.cssSelector("#preview li.alert[data-fingerprint='" + UiFixtureServer.SERVICE_DOWN + "']")).isEmpty());
    matchers.sendKeys(" instance=~\"(\"");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview .problem")));
  }

  @Test
  void testsLabelsOnTheRoutesPage() {
    open("/routes");
    WebElement labels = browser.findElement(By.id("labels"));
    labels.sendKeys("alertname=TTACacheHitRateLow severity=warning team=cost-optimization");
    browser.findElement(By.id("test-labels")).click();
    WebElement receivers = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("test-receivers")));
    assertFalse(receivers.getText().isBlank());
    assertEquals("no", browser.findElement(By.id("test-muted")).getText());
    assertFalse(browser.findElements(By.cssSelector("li.node.matched")).isEmpty(), "the matching route is marked");
  }

  @Test
  void reloadsTheConfigurationFromTheStatusPage() {
    open("/status");
    browser.findElement(By.id("reload")).click();
    waiting().until(ExpectedConditions.urlContains("/status?reloaded=ok"));
    assertTrue(browser.findElement(By.cssSelector("main")).getText().contains("Configuration reloaded."));
  }

  @Test
  void anAlertNamedLikeMarkupRendersAsText() {
    open("/alerts");
    List<WebElement> names = browser.findElements(By.cssSelector("a.name"));
    assertTrue(names.stream().anyMatch(n -> n.getText().equals(UiFixtureServer.XSS_NAME)), "the name is shown as typed");
    assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty(), "no image was injected");
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
  }

  @Test
  void theListUpdatesItselfWhenAnAlertArrivesAndKeepsTheKeyboardFocus() {
    open("/alerts");
    waiting().until(ExpectedConditions.presenceOfElementLocated(alertRow(UiFixtureServer.SERVICE_DOWN)));
    WebElement link = browser.findElement(alertRow(UiFixtureServer.SERVICE_DOWN)).findElement(By.cssSelector("a.name"));
    String focusedId = link.getAttribute("id");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", link);
    server.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"LiveUpdate\",\"severity\":\"critical\",\"team\":\"platform\"},"
        + "\"startsAt\":\"2026-11-24T19:09:00Z\"}]");
    String fingerprint = dev.tta.alertrouter.alert.Labels.of("alertname", "LiveUpdate", "severity", "critical", "team", "platform")
        .fingerprint().toString();
    // htmx polls the list's fragment every few seconds; no reload.
    waiting().until(ExpectedConditions.presenceOfElementLocated(alertRow(fingerprint)));
    assertEquals(focusedId, browser.switchTo().activeElement().getAttribute("id"),
        "a keyboard user's focus stays on the same link after the list was replaced");
  }

  @Test
  void pagesRaiseNoContentSecurityPolicyViolation() {
    for (String path : List.of("/alerts", "/receivers", "/silences/new", "/routes", "/status")) {
      open(path);
      waiting().until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }
    open("/receivers");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart .uplot")));
    List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
    List<String> violations = entries.stream().map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Refused")).toList();
    assertEquals(List.of(), violations);
  }
}
