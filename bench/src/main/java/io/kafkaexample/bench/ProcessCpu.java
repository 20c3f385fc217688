package io.kafkaexample.bench;

import java.time.Duration;

/** The CPU time a running process has used so far (user and system, all threads), as the operating system counts it. */
record ProcessCpu(long pid) {

    long micros() {
        Duration cpu = ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + pid + ": is the server running?"));
        return cpu.toNanos() / 1000;
    }
}
