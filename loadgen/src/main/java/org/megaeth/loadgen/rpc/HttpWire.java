package org.megaeth.loadgen.rpc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * What the two HTTP/1.1 clients of the tool share (plain JSON-RPC POSTs and the WebSocket upgrade):
 * where an endpoint is, the socket to it, and reading a response's head.
 */
final class HttpWire {
  /** A response head's longest line: generous for any header a node or proxy sends. */
  private static final int MAX_LINE = 8192;

  private static final int MAX_HEADERS = 100;

  private HttpWire() {}

  /** Host, port and request target of an endpoint; {@code secure} for https and wss. */
  record Target(String host, int port, boolean secure, String requestTarget) {
    static Target of(URI endpoint, boolean secure) {
      int port = endpoint.getPort() >= 0 ? endpoint.getPort() : secure ? 443 : 80;
      String path = endpoint.getRawPath();
      String target =
          (path == null || path.isEmpty() ? "/" : path)
              + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
      return new Target(endpoint.getHost(), port, secure, target);
    }

    /** The {@code Host} header's value. */
    String hostHeader() {
      return host + ":" + port;
    }
  }

  /** A connected socket with Nagle off, TLS-wrapped for a secure target. */
  static Socket connect(Target target, Duration connectTimeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(
          new InetSocketAddress(target.host(), target.port()), (int) connectTimeout.toMillis());
      if (!target.secure()) {
        return socket;
      }
      SSLSocket ssl =
          (SSLSocket)
              ((SSLSocketFactory) SSLSocketFactory.getDefault())
                  .createSocket(socket, target.host(), target.port(), true);
      ssl.startHandshake();
      return ssl;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * A response's status line and headers (names lower-cased; a repeated header keeps its last
   * value, which is all these clients read).
   */
  record Head(String statusLine, int status, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name);
    }
  }

  /**
   * Reads a response head up to its blank line.
   *
   * @param during what the client was doing, for the message when the server hangs up
   */
  static Head readHead(InputStream in, String during) throws IOException {
    String statusLine = readLine(in, during);
    String[] parts = statusLine.split(" ", 3);
    int status;
    try {
      status = parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
    } catch (NumberFormatException e) {
      status = -1;
    }
    if (status < 100 || status > 999) {
      throw new IOException("not an HTTP response: " + abbreviate(statusLine));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(in, during); !line.isEmpty(); line = readLine(in, during)) {
      if (headers.size() >= MAX_HEADERS) {
        throw new IOException("the response has more than " + MAX_HEADERS + " headers");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    return new Head(statusLine, status, headers);
  }

  /** One line of a response head or a chunk header, without its CRLF. */
  static String readLine(InputStream in, String during) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the server closed the connection " + during);
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      if (line.length() > MAX_LINE) {
        throw new IOException("the server's response has a line over 8 KiB");
      }
      line.append((char) b);
    }
  }

  static String abbreviate(String text) {
    String s = text.strip();
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
