package dev.tta.alertrouter.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP peer on loopback that answers one command with a chosen reply, for the replies GreenMail
 * never gives (a 4xx "try later", a 5xx "no such user"). It speaks enough of RFC 5321 for Jakarta
 * Mail: greeting, EHLO, MAIL, RCPT, DATA, RSET, QUIT.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final Map<String, String> replies;
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());

  /** @param replies the reply to give per command verb ({@code RCPT} → {@code 550 5.1.1 no such user}) */
  ScriptedSmtpServer(Map<String, String> replies) {
    this.replies = Map.copyOf(replies);
    try {
      socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor.submit(this::serve);
  }

  int port() {
    return socket.getLocalPort();
  }

  List<String> commands() {
    return List.copyOf(commands);
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, replies.getOrDefault("GREETING", "220 scripted.test ESMTP"));
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      commands.add(verb);
      String scripted = replies.get(verb);
      switch (verb) {
        case "EHLO" -> reply(out, scripted != null ? scripted : "250-scripted.test\r\n250 8BITMIME");
        case "DATA" -> {
          if (scripted != null) {
            reply(out, scripted);
            continue;
          }
          reply(out, "354 go ahead");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message itself is not looked at
          }
          reply(out, replies.getOrDefault("END_OF_DATA", "250 2.0.0 queued"));
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, scripted != null ? scripted : "250 ok");
      }
    }
  }

  private static void reply(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor.shutdownNow();
  }
}
