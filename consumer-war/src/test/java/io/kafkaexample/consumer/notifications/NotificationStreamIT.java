package io.kafkaexample.consumer.notifications;

import static io.kafkaexample.testsupport.UsersClient.signUp;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.testsupport.TestStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** /notifications/stream as anyone sees it: no one's data, and a bounded number of streams per instance. */
class NotificationStreamIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** The test stack's notifications.max-streams (it.env). */
    private static final int MAX_STREAMS = 4;

    @Test
    void theLiveFeedSaysWhatHappenedButNotToWhom() throws Exception {
        HttpResponse<Stream<String>> stream = open();
        assertEquals(200, stream.statusCode());
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Iterator<String> lines = stream.body().iterator();
            String username = uniqueName("streamed");
            Future<String> created = reader.submit(() -> {
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("data:") && line.contains("user.created")) {
                        return line;
                    }
                }
                return null;
            });
            String id = signUp(username);
            String event = created.get(30, TimeUnit.SECONDS);
            for (String personal : List.of(id, username, "userId", "username", "email")) {
                assertFalse(event.contains(personal), "the stream names " + personal + ": " + event);
            }
        } finally {
            stream.body().close();
            reader.shutdownNow();
        }
    }

    @Test
    void oneStreamMoreThanTheLimitIsRefusedAndAClosedOneFreesItsPlace() throws Exception {
        List<Socket> opened = new ArrayList<>();
        String refused = null;
        try {
            for (int i = 0; i <= MAX_STREAMS && refused == null; i++) {
                Socket stream = connect();
                String head = head(stream);
                if (head.startsWith("HTTP/1.1 200")) {
                    opened.add(stream);
                } else {
                    refused = head;
                    stream.close();
                }
            }
            assertTrue(refused != null, "all of " + (MAX_STREAMS + 1) + " streams were accepted");
            assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
            assertTrue(refused.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), refused);
            assertTrue(opened.size() <= MAX_STREAMS);
        } finally {
            for (Socket stream : opened) {
                stream.close(); // the connection ends, as when a browser tab closes
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (true) {
            try (Socket again = connect()) {
                if (head(again).startsWith("HTTP/1.1 200")) {
                    break;
                }
            }
            assertTrue(System.nanoTime() < deadline, "closed streams never freed their places");
            Thread.sleep(1000);
        }
    }

    /** A stream on a connection of its own, which the test can really close (HttpClient keeps it open). */
    private static Socket connect() throws Exception {
        URI uri = URI.create(TestStack.consumerUrl() + "/notifications/stream");
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** The status line and headers of the answer. */
    private static String head(Socket socket) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line).append('\n');
        }
        return head.toString();
    }

    private static HttpResponse<Stream<String>> open() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.consumerUrl() + "/notifications/stream"))
                .header("Accept", "text/event-stream").GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
    }
}
