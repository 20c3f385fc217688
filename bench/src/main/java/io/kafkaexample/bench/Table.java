package io.kafkaexample.bench;

/** Markdown table rows: cells joined by pipes, pipes and line breaks inside a cell escaped. */
final class Table {

    private Table() {
    }

    static String row(Object... cells) {
        StringBuilder line = new StringBuilder("|");
        for (Object cell : cells) {
            String text = String.valueOf(cell).replace("\r", "").replace("\n", " ").replace("|", "\\|");
            line.append(' ').append(text.isBlank() ? "-" : text.strip()).append(" |");
        }
        return line.toString();
    }
}
