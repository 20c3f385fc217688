package io.kafkaexample.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives the system's Chromium headless through Playwright, as a user would use GraphiQL: open the page,
 * look at its tabs, edit the variables, press run, read the result pane. Playwright's own browser download
 * is never used.
 */
public final class GraphiQLBrowser implements AutoCloseable {

    private static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");
    // this machine's network is closed: Chromium's own background traffic only slows it down
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    public GraphiQLBrowser() {
        Path chromium = Path.of(System.getProperty("it.chromium", DEFAULT_CHROMIUM.toString()));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("no Chromium at " + chromium
                    + ": install it (apt-get install chromium, as .ci/run does) or set -Dit.chromium=<path>");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(FLAGS));
    }

    /** What a GraphiQL page shows: its tabs' titles and the result of the run, and what went wrong on the way. */
    public record Outcome(List<String> tabs, String result, List<String> pageErrors, List<String> failedRequests) {
    }

    /**
     * Opens GraphiQL as a fresh browser would and runs the tab it opens with, as it is or, unless
     * {@code variables} is null, with these variables (JSON) typed over the tab's own, as a user edits them.
     * The browser is a client of its own address, as {@link UsersClient}'s calls are, so that no per-address
     * limit of the services is met by chance.
     */
    public Outcome runFirstTab(String pageUrl, String variables) {
        var options = new Browser.NewContextOptions().setExtraHTTPHeaders(Map.of("X-Forwarded-For", UsersClient.uniqueAddress()));
        try (BrowserContext context = browser.newContext(options); Page page = context.newPage()) {
            List<String> errors = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            page.onPageError(errors::add);
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(m.text());
                }
            });
            page.onRequestFailed(r -> failed.add(r.url() + ": " + r.failure()));
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    failed.add(r.url() + ": HTTP " + r.status());
                }
            });
            page.navigate(pageUrl);
            page.locator(".graphiql-query-editor .CodeMirror").waitFor();
            // none for a page of one tab: GraphiQL shows its tab bar from two tabs on
            List<String> tabs = page.locator(".graphiql-tab-button").allInnerTexts();
            if (variables != null) {
                // GraphiQL's editors are CodeMirror 5 instances: the first of the editor tools is Variables
                page.evaluate("v => document.querySelector('.graphiql-editor-tool .CodeMirror').CodeMirror.setValue(v)", variables);
            }
            page.locator(".graphiql-execute-button").click();
            page.waitForFunction("() => document.querySelector('.result-window .CodeMirror')"
                    + " && document.querySelector('.result-window .CodeMirror').CodeMirror.getValue().length > 0");
            String result = (String) page.evaluate(
                    "() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()");
            return new Outcome(tabs, result, errors, failed);
        }
    }

    /**
     * The tabs a returning browser finds: opens GraphiQL, closes the tab it opens with, and opens the page
     * again with the same localStorage.
     */
    public List<String> tabsAfterClosingTheFirstAndComingBack(String pageUrl) {
        try (BrowserContext context = browser.newContext(); Page page = context.newPage()) {
            page.navigate(pageUrl);
            Locator tabs = page.locator(".graphiql-tab-button");
            tabs.first().waitFor();
            int opened = tabs.count();
            page.locator(".graphiql-tab-close").first().click();
            // GraphiQL stores its tabs half a second after a change: a person does not come back sooner
            page.waitForFunction("n => Object.keys(localStorage).some(k => k.endsWith('graphiql:tabState')"
                    + " && JSON.parse(localStorage.getItem(k)).tabs.length === n)", opened - 1);
            page.reload();
            tabs.first().waitFor();
            return tabs.allInnerTexts();
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
