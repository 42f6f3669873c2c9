package uk.placements.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's table: each figure with, where the issue sets one, its baseline from the same run, the ratio
 * and the target, marked MET or MISSED.
 */
final class Report {

    /** One line of the table; {@code ratio} and {@code target} may be empty. */
    record Row(String scope, String what, String figure, String ratio, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void note(String note) {
        notes.add(note);
        System.out.println("BENCH " + note);
    }

    void info(String scope, String what, String figure) {
        add(new Row(scope, what, figure, "", "", ""));
    }

    /** A figure with a ratio against its baseline and a minimum target for that ratio. */
    void ratioAtLeast(String scope, String what, double figure, String unit, double baseline, double minRatio) {
        double ratio = figure / baseline;
        add(new Row(scope, what, format(figure) + " " + unit, percent(ratio) + " of " + format(baseline),
                ">= " + percent(minRatio), verdict(ratio >= minRatio)));
    }

    /** A figure with its ratio to a baseline and a maximum target for that ratio. */
    void ratioAtMost(String scope, String what, double figure, String unit, double baseline, double maxRatio) {
        double ratio = figure / baseline;
        add(new Row(scope, what, format(figure) + " " + unit, String.format("%.2fx of %s", ratio, format(baseline)),
                "<= " + maxRatio + "x", verdict(ratio <= maxRatio)));
    }

    void atMost(String scope, String what, double figure, String unit, double max) {
        add(new Row(scope, what, format(figure) + " " + unit, "", "<= " + format(max) + " " + unit,
                verdict(figure <= max)));
    }

    void atLeast(String scope, String what, double figure, String unit, double min) {
        add(new Row(scope, what, format(figure) + " " + unit, "", ">= " + format(min) + " " + unit,
                verdict(figure >= min)));
    }

    /** How a figure moved between two sizes: the ratio of the larger to the smaller, at most {@code max}. */
    void growth(String scope, String what, double small, double large, String unit, double max) {
        double ratio = large / small;
        add(new Row(scope, what, format(small) + " -> " + format(large) + " " + unit,
                String.format("%.2fx", ratio), "<= " + max + "x", verdict(ratio <= max)));
    }

    private void add(Row row) {
        rows.add(row);
        System.out.printf("BENCH %s | %s | %s | %s | %s | %s%n", row.scope(), row.what(), row.figure(), row.ratio(),
                row.target(), row.verdict());
    }

    void print(PrintStream out) {
        int[] width = {5, 4, 6, 5, 6, 7};
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"scope", "what", "figure", "ratio (same run)", "target", "verdict"});
        rows.forEach(r -> cells.add(new String[]{r.scope(), r.what(), r.figure(), r.ratio(), r.target(),
                r.verdict()}));
        for (String[] line : cells) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        out.println();
        notes.forEach(n -> out.println("  " + n));
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder("|");
            for (int i = 0; i < width.length; i++) {
                text.append(' ').append(String.format("%-" + width[i] + "s", line[i])).append(" |");
            }
            out.println(text);
            if (line == cells.get(0)) {
                StringBuilder rule = new StringBuilder("|");
                for (int w : width) {
                    rule.append("-".repeat(w + 2)).append('|');
                }
                out.println(rule);
            }
        }
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format("%,.0f", value);
        }
        return value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }

    private static String percent(double ratio) {
        return String.format("%.1f%%", ratio * 100);
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
