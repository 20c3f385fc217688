package io.kafkaexample.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives the system's Chromium headless through Playwright, as a user would use GraphiQL: open the page,
 * write a query, press run, read the result pane. Playwright's own browser download is never used.
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

    /** What a GraphiQL page shows after running a query, and what went wrong on the way. */
    public record Outcome(String result, List<String> pageErrors, List<String> failedRequests) {
    }

    public Outcome run(String pageUrl, String query) {
        try (Page page = browser.newPage()) {
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
            // GraphiQL's editors are CodeMirror 5 instances: set the text the way the editor expects it
            page.evaluate("q => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q)", query);
            page.locator(".graphiql-execute-button").click();
            page.waitForFunction("() => document.querySelector('.result-window .CodeMirror')"
                    + " && document.querySelector('.result-window .CodeMirror').CodeMirror.getValue().length > 0");
            String result = (String) page.evaluate(
                    "() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()");
            return new Outcome(result, errors, failed);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
