package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopHttpTest {

  @Test
  void stopLetsAnInFlightIntakeFinish() throws Exception {
    TestServer server = TestServer.start();
    int port = server.api.port();
    CountDownLatch inPipeline = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.pipeline.set(alerts -> {
      inPipeline.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while handing on", e);
      }
    });
    HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/alertmanager"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            Files.readAllBytes(TestServer.AM_FIXTURES.resolve("webhook-firing-single.json"))))
        .build();
    CompletableFuture<HttpResponse<String>> inFlight =
        server.client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    assertTrue(inPipeline.await(30, TimeUnit.SECONDS), "request reached the pipeline");

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
    awaitNoLongerAccepting(port);
    release.countDown();

    HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"success\",\"accepted\":1}", response.body());
    stopping.get(30, TimeUnit.SECONDS);
  }

  /** Stop has begun once the listener refuses connections; the in-flight request is still held. */
  private static void awaitNoLongerAccepting(int port) throws IOException {
    for (int attempt = 0; attempt < 100_000; attempt++) {
      try {
        new Socket("127.0.0.1", port).close();
      } catch (ConnectException refused) {
        return;
      } catch (SocketException reset) {
        // A connection the closing listener still had in its backlog is reset, not refused.
        return;
      }
    }
    throw new AssertionError("the server kept accepting connections after stop began");
  }
}
