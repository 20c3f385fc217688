package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The linters of the deployment side, run on the repository as it is: shellcheck on every shell
 * script, yamllint (with the committed .yamllint) on copilot/ and docker/, npm-groovy-lint on the
 * Jenkinsfile. A failure shows the tool's own output. shellcheck and yamllint are Debian packages
 * (.ci/run installs them); npm-groovy-lint is installed from npm into .stack/lib/npm on first use.
 */
class LintTest {

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".stack", "node_modules", ".idea", ".vscode");
    private static final Pattern SHELL_SHEBANG = Pattern.compile("^#!\\s*(/usr)?/bin/(env\\s+)?(ba|da)?sh\\b.*");

    @Test
    void shellcheckPassesOnEveryShellScript() {
        List<String> scripts = shellScripts();
        assertTrue(scripts.contains("stack") && scripts.contains(".ci/run"), "shell scripts found: " + scripts);
        List<String> command = new ArrayList<>(List.of(tool("shellcheck"), "--external-sources"));
        command.addAll(scripts);
        Result result = run(command, 120);
        assertEquals(0, result.exit(), "shellcheck " + scripts + ":\n" + result.output());
    }

    @Test
    void yamllintPassesOnTheDeploymentFiles() {
        Result result = run(List.of(tool("yamllint"), "--strict", "-c", ".yamllint", "copilot", "docker"), 120);
        assertEquals(0, result.exit(), "yamllint copilot docker:\n" + result.output());
    }

    @Test
    void npmGroovyLintPassesOnTheJenkinsfile() {
        Path prefix = Repo.path(".stack/lib/npm");
        Path bin = prefix.resolve("node_modules/.bin/npm-groovy-lint");
        String version = System.getProperty("npm-groovy-lint.version");
        if (!Files.isExecutable(bin) || !installedVersion(prefix).equals(version)) {
            Result install = run(List.of(tool("npm"), "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
                    "--no-save", "npm-groovy-lint@" + version), 600);
            assertEquals(0, install.exit(), "npm install npm-groovy-lint@" + version + ":\n" + install.output());
        }
        // --noserver: no CodeNarc server left listening on a port after the build
        Result result = run(List.of(bin.toString(), "--noserver", "--failon", "info", "--output", "txt", "Jenkinsfile"), 300);
        assertEquals(0, result.exit(), "npm-groovy-lint Jenkinsfile:\n" + result.output());
        assertFalse(result.output().contains("Error:"), "npm-groovy-lint Jenkinsfile:\n" + result.output());
    }

    private static String installedVersion(Path prefix) {
        Path pkg = prefix.resolve("node_modules/npm-groovy-lint/package.json");
        try {
            String json = Files.exists(pkg) ? Files.readString(pkg) : "";
            var m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the repository that is a shell script by its first line (build output and .stack/ aside). */
    static List<String> shellScripts() {
        List<String> scripts = new ArrayList<>();
        try {
            Files.walkFileTree(Repo.ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return SKIPPED_DIRS.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isShellScript(file)) {
                        scripts.add(Repo.ROOT.relativize(file).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scripts.sort(null);
        return scripts;
    }

    private static boolean isShellScript(Path file) {
        if (file.toString().endsWith(".sh")) {
            return true;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first != null && SHELL_SHEBANG.matcher(first).matches();
        } catch (IOException | UncheckedIOException e) {
            return false; // not text
        }
    }

    /** The tool on the PATH, or a failure that says how to get it. */
    private static String tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        String how = "npm".equals(name) ? "install Node.js and npm (Debian: apt-get install npm)"
                : "install it, as .ci/run does (Debian: apt-get install " + name + ")";
        return fail(name + " is not on the PATH: " + how);
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(Repo.ROOT.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // read before waiting: a full pipe would block the tool
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
