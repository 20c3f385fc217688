package io.kafkaexample.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Percentiles by the nearest-rank method over a sample of milliseconds (or any unit), no interpolation. */
final class Stats {

    private final double[] sorted;

    Stats(Collection<? extends Number> values) {
        this.sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    }

    Stats(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest value with at least {@code p} percent of the sample at or below it; NaN for no sample. */
    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (p <= 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).sum() / sorted.length;
    }

    long countBelow(double limit) {
        return Arrays.stream(sorted).filter(v -> v < limit).count();
    }

    /** "p50 a / p99 b / max c unit", each with a precision that suits its size. */
    String summary(String unit) {
        if (sorted.length == 0) {
            return "no sample";
        }
        return "p50 " + num(percentile(50)) + " / p99 " + num(percentile(99)) + " / max " + num(max()) + " " + unit;
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String ratio(double ours, double ceiling) {
        if (Double.isNaN(ours) || Double.isNaN(ceiling) || ceiling <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", ours / ceiling);
    }
}
