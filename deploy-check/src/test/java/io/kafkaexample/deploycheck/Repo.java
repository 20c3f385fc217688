package io.kafkaexample.deploycheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The truth the deployment files must follow, read from the sources themselves: each service's
 * server.xml (port, context root, WAR, shared fragments), the MicroProfile Config keys it reads
 * (properties files and Java sources) and the topics file. The contract is read by {@link ContractDoc}.
 */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    /**
     * mpHealth's liveness endpoint, served at the server root (not under the context root): the container's health
     * check, since ECS replaces a task whose container check fails, and a service waiting for Redis or Kafka must not
     * be killed for it.
     */
    static final String LIVE_PATH = "/health/live";
    /** mpHealth's readiness endpoint: the load balancer's target check, and the start order in compose.yaml. */
    static final String READY_PATH = "/health/ready";

    private static final Pattern CONFIG_KEY_IN_JAVA =
            Pattern.compile("(?:@ConfigProperty\\(\\s*name\\s*=\\s*|_KEY\\s*=\\s*)\"([a-z][a-z0-9.-]*)\"");

    /** One service as its module declares it. */
    record Service(String name, String module, int port, String contextRoot, String war, List<String> fragments) {
        String dockerfile() {
            return "docker/" + name + ".Dockerfile";
        }
    }

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " under " + ROOT, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        Load load = new Load(LoadSettings.builder().setLabel(relative).build());
        return (Map<String, Object>) load.loadFromString(read(relative));
    }

    static Properties properties(String relative) {
        Properties properties = new Properties();
        if (Files.exists(path(relative))) {
            try (InputStream in = Files.newInputStream(path(relative))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /** The services: every module with a Liberty server.xml, keyed by service name (the webApplication id). */
    static Map<String, Service> services() {
        Map<String, Service> services = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.sorted().toList()) {
                Path serverXml = dir.resolve("src/main/liberty/config/server.xml");
                if (Files.isRegularFile(serverXml)) {
                    Service service = parseServer(dir.getFileName().toString(), serverXml);
                    services.put(service.name(), service);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    private static Service parseServer(String module, Path serverXml) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(serverXml.toFile());
            Element app = (Element) doc.getElementsByTagName("webApplication").item(0);
            String port = null;
            NodeList variables = doc.getElementsByTagName("variable");
            for (int i = 0; i < variables.getLength(); i++) {
                Element variable = (Element) variables.item(i);
                if ("http.port".equals(variable.getAttribute("name"))) {
                    port = variable.getAttribute("defaultValue");
                }
            }
            List<String> fragments = new ArrayList<>();
            NodeList includes = doc.getElementsByTagName("include");
            for (int i = 0; i < includes.getLength(); i++) {
                String location = ((Element) includes.item(i)).getAttribute("location");
                fragments.add(location.replace("${liberty.shared.config}/", ""));
            }
            if (app == null || port == null) {
                throw new IllegalStateException(serverXml + " has no webApplication or no http.port variable");
            }
            return new Service(app.getAttribute("id"), module, Integer.parseInt(port), app.getAttribute("contextRoot"),
                    app.getAttribute("location"), fragments);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + serverXml, e);
        }
    }

    /** MicroProfile Config's environment variable for a key: every non-alphanumeric character to '_', upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** Every environment variable a service reads: the env names of its config keys, and of its server variables. */
    static Set<String> envVocabulary(Service service) {
        Set<String> keys = new TreeSet<>();
        keys.add("http.port");
        for (String base : List.of("common", service.module())) {
            keys.addAll(properties(base + "/src/main/resources/META-INF/microprofile-config.properties").stringPropertyNames());
            keys.addAll(keysInJava(path(base + "/src/main/java")));
        }
        Set<String> env = new TreeSet<>();
        keys.forEach(k -> env.add(envName(k)));
        return env;
    }

    /** The config keys the Java sources under {@code dir} name in @ConfigProperty or a *_KEY constant. */
    static Set<String> keysInJava(Path dir) {
        Set<String> keys = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CONFIG_KEY_IN_JAVA.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The topics ./stack creates (kafka-docs/config/topics). */
    static List<String> topics() {
        return read("kafka-docs/config/topics").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The broker default partition count (kafka-docs/config/server.properties). */
    static int partitions() {
        return Integer.parseInt(properties("kafka-docs/config/server.properties").getProperty("num.partitions").strip());
    }

    /** Export names an addon template declares, written as a service manifest references them. */
    static Set<String> addonExports(String relative) {
        Set<String> exports = new TreeSet<>();
        Matcher m = Pattern.compile("Export:\\s*\\n\\s*Name: !Sub '\\$\\{App}-\\$\\{Env}-([A-Za-z0-9]+)'").matcher(read(relative));
        while (m.find()) {
            exports.add("${COPILOT_APPLICATION_NAME}-${COPILOT_ENVIRONMENT_NAME}-" + m.group(1));
        }
        return exports;
    }
}
