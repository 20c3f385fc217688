package io.kafkaexample.deploycheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * docs/contract.md as the tests read it: a section is the text under a heading up to the next heading of
 * its level or above; a table is a header row, a separator row and the rows that follow, one cell per column.
 * A missing section or table fails the test that asks for it, naming what it looked for.
 */
final class ContractDoc {

    static final String PATH = "docs/contract.md";

    private final List<String> lines;

    private ContractDoc(String text) {
        this.lines = text.lines().toList();
    }

    static ContractDoc read() {
        return new ContractDoc(Repo.read(PATH));
    }

    /** The lines under {@code heading} (such as "## Topics"), outside fenced code blocks. */
    List<String> section(String heading) {
        int level = level(heading);
        List<String> out = new ArrayList<>();
        boolean inside = false;
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced && line.startsWith("#")) {
                if (line.strip().equals(heading)) {
                    inside = true;
                    continue;
                }
                if (inside && level(line) <= level) {
                    break;
                }
            }
            if (inside && !fenced) {
                out.add(line);
            }
        }
        if (!inside) {
            throw new AssertionError(PATH + " has no heading '" + heading + "'");
        }
        return out;
    }

    /** The rows (cells trimmed) of every table in the section whose header row starts with {@code header}. */
    List<List<String>> rows(String heading, String header) {
        List<String> section = section(heading);
        List<List<String>> rows = new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < section.size(); i++) {
            if (!section.get(i).startsWith(header)) {
                continue;
            }
            found = true;
            for (int j = i + 2; j < section.size() && section.get(j).startsWith("|"); j++) {
                rows.add(cells(section.get(j)));
            }
        }
        if (!found) {
            throw new AssertionError(PATH + ", section '" + heading + "': no table whose header starts with '" + header + "'");
        }
        return rows;
    }

    /** The first cell of each row, its backticks removed. */
    List<String> names(String heading, String header) {
        return rows(heading, header).stream().map(row -> code(row.get(0))).toList();
    }

    /** A cell's text without the backticks around it: "`retry-group`" is "retry-group". */
    static String code(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static int level(String heading) {
        int level = 0;
        while (level < heading.length() && heading.charAt(level) == '#') {
            level++;
        }
        return level;
    }
}
