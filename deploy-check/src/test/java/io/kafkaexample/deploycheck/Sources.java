package io.kafkaexample.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names read from the services' sources as text: constants and literals, without compiling or loading them. */
final class Sources {

    private static final Pattern STRING_CONSTANT = Pattern.compile("public static final String ([A-Z_]+) = \"([^\"]+)\";");

    private Sources() {
    }

    /** The {@code public static final String} constants of a Java source, name to value, in their order. */
    static Map<String, String> stringConstants(String relative) {
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher m = STRING_CONSTANT.matcher(Repo.read(relative));
        while (m.find()) {
            constants.put(m.group(1), m.group(2));
        }
        return constants;
    }

    /** Group 1 of every match of {@code literal} in the Java sources and Lua scripts under {@code dir}. */
    static Set<String> literals(Path dir, Pattern literal) {
        Set<String> found = new TreeSet<>();
        for (Path file : files(dir)) {
            Matcher m = literal.matcher(read(file));
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** The Java sources and Lua scripts under {@code dir}. */
    static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".lua")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
