package uk.placements.app.web;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.placements.app.AppTest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Base of the tests that drive the web client in Debian's headless Chromium through its own chromedriver, so that
 * nothing is downloaded. Each page a test looks at is saved under {@code target/screenshots/} for a person to review.
 */
abstract class BrowserTest extends AppTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The capacity figures of a provision or group, as the dashboard's JSON and its tables' data-figure name them. */
    static final List<String> CAPACITY_FIGURES = List.of("provisions", "commissioned", "onRoll", "offersOutstanding",
            "vacancies", "overCapacity", "outsideDesignatedNeed");

    static ChromeDriver browser;

    /**
     * One Chromium for the whole test run, like the one Spring context: starting a browser per test class costs
     * seconds on CI's two cores. It is quit when the JVM ends; each test starts from a fresh tab state (below).
     */
    @BeforeAll
    static synchronized void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver"
                        + " (.ci/run installs them)");
        if (browser != null) {
            return;
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver started = new ChromeDriver(service, options);
        Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "quit-chromium"));
        browser = started;
    }

    @BeforeEach
    void freshTab() {
        browser.manage().window().setSize(new Dimension(1280, 1600));
        open("/index.html");
        browser.executeScript("sessionStorage.clear()");
    }

    /** Opens a page and waits until its script has shown its data and wired its forms. */
    void open(String path) {
        browser.get("http://localhost:" + port + path);
        waitReady();
    }

    /**
     * Opens a page again and again (up to 20 s) until an element shows a text: what the asynchronous read models
     * show once they caught up with the commands a test sent.
     */
    void openUntil(String path, By by, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (;;) {
            open(path);
            List<WebElement> found = browser.findElements(by);
            if (!found.isEmpty() && found.get(0).getText().contains(text)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw failure(new TimeoutException(by + " never showed " + text));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    void waitReady() {
        waitFor(By.cssSelector("body[data-ready=true]"));
    }

    WebElement waitFor(By by) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (TimeoutException e) {
            throw failure(e);
        }
    }

    /** Waits for a text, then for the page showing it to be ready (after an action the page loads anew). */
    void waitForText(By by, String text) {
        try {
            // a page that navigates meanwhile (a form that submits, then loads the next page) makes a lookup fail
            // with "aborted by navigation": the element is looked for again on the new page until the time is up
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (TimeoutException e) {
            throw failure(e);
        }
        waitReady();
    }

    /** Follows a link or button that loads a page anew, and waits until the new page (not the old one) is ready. */
    void clickToNewPage(By by) {
        WebElement old = browser.findElement(By.tagName("html"));
        browser.findElement(by).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(old));
        } catch (TimeoutException e) {
            throw failure(e);
        }
        waitReady();
    }

    /** The text of an element a live page may re-render at any moment: found again if it went stale meanwhile. */
    String textOf(By by) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                    .until(b -> b.findElement(by).getText());
        } catch (TimeoutException e) {
            throw failure(e);
        }
    }

    /** Keeps what the browser showed when a wait failed: a screenshot and the page's main content. */
    private AssertionError failure(TimeoutException e) {
        screenshot("failed-" + System.currentTimeMillis());
        Object main = browser.executeScript(
                "const m = document.querySelector('main'); return location.href + '\\n' + (m ? m.innerText : '')");
        return new AssertionError(e.getMessage() + "\nthe page showed: " + main, e);
    }

    void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Types an ISO date into a GOV.UK date input's three boxes (id-day, id-month, id-year), as a person would. */
    void typeDate(String id, String isoDate) {
        String[] parts = isoDate.split("-");
        type(id + "-day", String.valueOf(Integer.parseInt(parts[2])));
        type(id + "-month", String.valueOf(Integer.parseInt(parts[1])));
        type(id + "-year", parts[0]);
    }

    void signIn(String user) {
        open("/index.html");
        type("user", user);
        type("password", "demo");
        browser.findElement(By.id("sign-in-button")).click();
        waitFor(By.id("who"));
        waitReady();
    }

    /**
     * Has the browser save what the page downloads in a new directory of its own (Chromium's DevTools protocol),
     * so that a test can read the file a user would get.
     */
    Path downloadsTo() {
        try {
            Path dir = Files.createTempDirectory("browser-downloads");
            browser.executeCdpCommand("Browser.setDownloadBehavior",
                    java.util.Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a file the browser downloaded into {@code dir}, once it is whole (waits up to 15 s). */
    String downloaded(Path dir, String file) {
        Path path = dir.resolve(file);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!Files.isRegularFile(path) || Files.exists(dir.resolve(file + ".crdownload"))) {
            if (System.nanoTime() > deadline) {
                try (var listing = Files.list(dir)) {
                    throw new AssertionError("no " + file + " was downloaded; the directory holds "
                            + listing.map(Path::getFileName).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What keeps a person from reading the page's tables whole: the page scrolling sideways, a table wider than the
     * page outside a scrolling box, a box that cuts its table off rather than scrolling, a scrolling box a keyboard
     * cannot reach, a column heading that no scroll of its box brings into view, a first column that scrolls away.
     * Each heading is scrolled into its box's view in turn (the box is left scrolled back to the start).
     */
    @SuppressWarnings("unchecked")
    List<String> tableProblems() {
        return (List<String>) browser.executeScript("""
                const problems = [];
                const page = document.documentElement;
                if (page.scrollWidth > page.clientWidth) problems.push('the page scrolls sideways by ' + (page.scrollWidth - page.clientWidth) + ' px');
                for (const table of document.querySelectorAll('main table')) {
                  if (!table.getClientRects().length) continue;
                  const name = '#' + (table.id || '?');
                  const box = table.closest('.app-table-scroll');
                  if (!box) {
                    if (table.getBoundingClientRect().right > page.clientWidth + 0.5) problems.push(name + ' is wider than the page, with no box to scroll it');
                    continue;
                  }
                  const around = box.getBoundingClientRect();
                  if (around.right > page.clientWidth + 0.5) problems.push(name + ': its box sticks out of the page');
                  const scrolls = box.scrollWidth > box.clientWidth + 1;
                  const canScroll = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
                  if (scrolls && !canScroll) problems.push(name + ' is cut off: its box does not scroll');
                  if (scrolls && box.tabIndex !== 0) problems.push(name + ' scrolls, but a keyboard cannot reach its box');
                  const heads = [...table.querySelectorAll('thead th')];
                  for (const th of heads) {
                    box.scrollLeft = 0;
                    const at = th.getBoundingClientRect();
                    const first = heads[0].getBoundingClientRect();
                    // beside the first column there is room for it whole (then scrolled to the box's end), or not (then
                    // scrolled to start beside the first column, filling the view)
                    const room = th === heads[0] ? around.width : around.right - first.right;
                    const wide = at.width > room + 0.5;
                    if (!canScroll) { /* a person cannot scroll it: what is out of view stays out of view */ }
                    else if (wide) box.scrollLeft = at.left - (th === heads[0] ? around.left : first.right);
                    else if (at.right > around.right + 0.5) box.scrollLeft = at.right - around.right;
                    const now = th.getBoundingClientRect();
                    const start = th === heads[0] ? around.left : first.right;
                    const hidden = wide ? Math.abs(now.left - start) > 0.5
                      : now.right > around.right + 0.5 || now.left < start - 0.5;
                    if (hidden) problems.push(name + ': the heading "' + th.textContent.trim() + '" cannot be scrolled into view');
                    if (th !== heads[0] && box.scrollLeft > 0 && Math.abs(first.left - around.left) > 1) problems.push(name + ': the first column scrolls away');
                  }
                  box.scrollLeft = 0;
                }
                return problems;""");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
