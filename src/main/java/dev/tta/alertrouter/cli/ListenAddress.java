package dev.tta.alertrouter.cli;

import java.net.URI;

/** A parsed {@code --listen HOST:PORT}. */
record ListenAddress(String host, int port) {
  static ListenAddress parse(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, got \"" + value + "\"");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port is not a number in \"" + value + "\"");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range in \"" + value + "\"");
    }
    return new ListenAddress(host, port);
  }

  /** The URL links point at when no --external-url is given. */
  URI defaultExternalUrl() {
    String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port);
  }
}
