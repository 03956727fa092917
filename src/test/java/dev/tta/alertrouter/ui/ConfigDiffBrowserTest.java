package dev.tta.alertrouter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The config diff page in a real browser (Debian's chromium, headless, as {@link UiBrowserTest}):
 * from the status page to a diff, with the keyboard only. Waits are explicit waits on the page.
 */
class ConfigDiffBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static UiFixtureServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path chromium = Peers.require("chromium", "chromium", "chromium chromium-driver");
    Path chromedriver = Peers.require("chromedriver", "chromium-driver", "chromium chromium-driver");
    server = ConfigDiffPageHttpTest.serverWith(dir, "");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1000",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
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

  private static WebElement focused() {
    return browser.switchTo().activeElement();
  }

  @Test
  void comparesAPastedCandidateFromTheStatusPageWithTheKeyboard() {
    browser.get(server.base() + "/status");
    browser.findElement(By.id("config-diff-link")).sendKeys(Keys.ENTER);
    WebElement candidate = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("candidate")));
    assertTrue(browser.getCurrentUrl().endsWith("/config/diff"));
    candidate.click();
    candidate.sendKeys(ConfigDiffPageHttpTest.MOVED);
    focused().sendKeys(Keys.TAB);
    assertEquals("compare", focused().getAttribute("id"), "the button is the next stop after the text area");
    focused().sendKeys(Keys.ENTER);

    WebElement result = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("diff-result")));
    assertTrue(result.findElement(By.id("diff-h")).getText().contains("What the candidate changes"));
    assertTrue(browser.findElement(By.id("diff-totals")).getText().contains("1 changed"));
    String alerts = browser.findElement(By.id("diff-alerts")).getText();
    assertTrue(alerts.contains("DbDown") && alerts.contains("receivers"), alerts);
    assertTrue(result.findElement(By.cssSelector("section[aria-label='Receiver db'] h4")).getText()
        .startsWith("db: 0 newly sent, 2 no longer sent"));
    assertTrue(browser.findElement(By.id("candidate")).getAttribute("value").contains("receiver: web}"),
        "the candidate stays in the form for the next edit");

    WebElement again = browser.findElement(By.id("candidate"));
    again.clear();
    again.sendKeys("route: {receiver: nobody}\n");
    browser.findElement(By.id("compare")).sendKeys(Keys.ENTER);
    WebElement problems = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("diff-problems")));
    assertTrue(problems.getText().contains("candidate:1"), problems.getText());
  }
}
