package io.kafkaexample.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** JFR on a running server through jcmd: start a profiling recording, stop it (which writes the file). */
final class Jfr {

    private Jfr() {
    }

    /** Starts a recording; returns its name, or null when jcmd could not (the run goes on without a profile). */
    static String start(long pid, String name, Path file) {
        if (pid <= 0) {
            return null;
        }
        boolean ok = jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file.toAbsolutePath());
        return ok ? name : null;
    }

    static void stop(long pid, String name) {
        jcmd(pid, "JFR.stop", "name=" + name);
    }

    private static boolean jcmd(long pid, String... args) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = process.waitFor() == 0;
            Bench.log("jcmd " + pid + " " + String.join(" ", args) + (ok ? "" : " failed: " + output.strip()));
            return ok;
        } catch (IOException e) {
            Bench.log("jcmd failed: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
