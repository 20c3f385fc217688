package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The linters of the deployment side, run on the repository as it is: shellcheck on every shell
 * script, yamllint (with the committed .yamllint) on copilot/, docker/ and kafka-docs/asyncapi.yaml,
 * npm-groovy-lint on the Jenkinsfile. A failure shows the tool's own output. shellcheck and yamllint are
 * Debian packages (.ci/run installs them); npm-groovy-lint is installed from npm into .stack/lib/npm on first use.
 */
class LintTest {

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".stack", "node_modules", ".idea", ".vscode");
    private static final Pattern SHELL_SHEBANG = Pattern.compile("^#!\\s*(/usr)?/bin/(env\\s+)?(ba|da)?sh\\b.*");

    @Test
    void shellcheckPassesOnEveryShellScript() {
        List<String> scripts = shellScripts();
        assertTrue(scripts.contains("stack") && scripts.contains(".ci/run"), "shell scripts found: " + scripts);
        List<String> command = new ArrayList<>(List.of(Tools.onPath("shellcheck"), "--external-sources"));
        command.addAll(scripts);
        Tools.Result result = Tools.run(command, Map.of(), 120);
        assertEquals(0, result.exit(), "shellcheck " + scripts + ":\n" + result.output());
    }

    @Test
    void yamllintPassesOnTheDeploymentFilesAndTheAsyncApiDocument() {
        List<String> command = List.of(Tools.onPath("yamllint"), "--strict", "-c", ".yamllint", "copilot", "docker", AsyncApiTest.DOCUMENT);
        Tools.Result result = Tools.run(command, Map.of(), 120);
        assertEquals(0, result.exit(), String.join(" ", command.subList(4, command.size())) + ":\n" + result.output());
    }

    @Test
    void npmGroovyLintPassesOnTheJenkinsfile() {
        Path modules = Tools.npmPackage(".stack/lib/npm", "npm-groovy-lint", System.getProperty("npm-groovy-lint.version"));
        // --noserver: no CodeNarc server left listening on a port after the build
        Tools.Result result = Tools.run(List.of(modules.resolve(".bin/npm-groovy-lint").toString(), "--noserver", "--failon", "info",
                "--output", "txt", "Jenkinsfile"), Map.of(), 300);
        assertEquals(0, result.exit(), "npm-groovy-lint Jenkinsfile:\n" + result.output());
        assertFalse(result.output().contains("Error:"), "npm-groovy-lint Jenkinsfile:\n" + result.output());
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
}
