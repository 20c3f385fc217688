package io.kafkaexample.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The command-line tools the tests run on the repository: Debian's from the PATH (.ci/run installs them), npm
 * packages installed on first use into their own prefix under .stack/lib, at the version the parent pom pins.
 */
final class Tools {

    record Result(int exit, String output) {
    }

    private Tools() {
    }

    /** The tool on the PATH, or a failure that says how to get it. */
    static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        String how = "npm".equals(name) || "node".equals(name) ? "install Node.js and npm (Debian: apt-get install npm)"
                : "install it, as .ci/run does (Debian: apt-get install " + name + ")";
        return fail(name + " is not on the PATH: " + how);
    }

    /**
     * The npm package {@code name} at {@code version} in {@code prefix} (relative to the repository), installed
     * unless that version is there already; one package per prefix, since an install prunes what it did not name.
     * Returns the prefix's node_modules.
     */
    static Path npmPackage(String prefix, String name, String version, String... installOptions) {
        Path dir = Repo.path(prefix);
        Path modules = dir.resolve("node_modules");
        if (!installedVersion(modules.resolve(name)).equals(version)) {
            List<String> command = new ArrayList<>(List.of(onPath("npm"), "install", "--prefix", dir.toString(), "--no-audit",
                    "--no-fund", "--no-save"));
            command.addAll(List.of(installOptions));
            command.add(name + "@" + version);
            Result install = run(command, Map.of(), 600);
            assertEquals(0, install.exit(), "npm install " + name + "@" + version + ":\n" + install.output());
        }
        return modules;
    }

    private static String installedVersion(Path pkg) {
        Path json = pkg.resolve("package.json");
        try {
            var m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.exists(json) ? Files.readString(json) : "");
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code command} in the repository root with {@code environment} added, its output and error in one. */
    static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.ROOT.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
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
