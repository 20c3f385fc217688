import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Waits until every broker of {@code <bootstrap>} is registered (one, or ./stack's three-node cluster), then
 * creates the missing topics of the contract and checks the partition count of every one. Run by ./stack with Java's source launcher:
 * {@code java -cp '.stack/lib/kafka/*' devstack/KafkaTopics.java <bootstrap> <partitions> <wait-s> <topic>...}
 */
public final class KafkaTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: KafkaTopics <bootstrap> <partitions> <wait-seconds> <topic>...");
            System.exit(2);
        }
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[2]));
        List<String> wanted = List.of(args).subList(3, args.length);

        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000"))) {
            Set<String> existing = awaitBrokers(admin, bootstrap.split(",").length, deadline);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : wanted) {
                if (!existing.contains(topic)) {
                    // the broker's default.replication.factor: 1 on the one broker, 3 on ./stack's 3-node cluster
                    missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                missing.forEach(t -> System.out.println("created topic " + t.name() + " (" + partitions + " partitions)"));
            }
            int wrong = 0;
            for (TopicDescription d : admin.describeTopics(wanted).allTopicNames().get().values()) {
                if (d.partitions().size() != partitions) {
                    System.err.println("topic " + d.name() + " has " + d.partitions().size() + " partitions, expected "
                            + partitions + " (kafka-docs/README.md says how to change it)");
                    wrong++;
                }
            }
            System.exit(wrong == 0 ? 0 : 1);
        }
    }

    /** The topics there are, once {@code brokers} brokers are registered: a replicated topic needs all of them. */
    private static Set<String> awaitBrokers(Admin admin, int brokers, Instant deadline) throws InterruptedException {
        while (true) {
            String problem;
            try {
                int registered = admin.describeCluster().nodes().get().size();
                if (registered >= brokers) {
                    return admin.listTopics().names().get();
                }
                problem = registered + " of " + brokers + " brokers registered";
            } catch (ExecutionException e) {
                problem = e.getCause().getMessage();
            }
            if (Instant.now().isAfter(deadline)) {
                System.err.println("Kafka did not answer in time: " + problem);
                System.exit(1);
            }
            Thread.sleep(500);
        }
    }
}
