package org.megaeth.loadgen.rpc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection for JSON-RPC POSTs, used by one thread at a time: a request
 * written with one call, its response read whole (by {@code Content-Length}, chunks, or to the end
 * of the connection). Not thread-safe; {@link HttpJsonRpcClient} pools them.
 */
final class HttpConnection implements AutoCloseable {
  /** The largest response read: a block of 30,000 transfers with receipts is a few MB. */
  private static final int MAX_BODY_BYTES = 256 << 20;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] requestHead;
  private boolean reusable = true;

  private HttpConnection(Socket socket, HttpWire.Target target) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.out = socket.getOutputStream();
    this.requestHead =
        ("POST "
                + target.requestTarget()
                + " HTTP/1.1\r\nHost: "
                + target.hostHeader()
                + "\r\nContent-Type: application/json\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
  }

  static HttpConnection open(HttpWire.Target target, Duration connectTimeout) throws IOException {
    Socket socket = HttpWire.connect(target, connectTimeout);
    try {
      return new HttpConnection(socket, target);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The status, head and body of an answered POST. */
  record Response(HttpWire.Head head, byte[] body) {}

  /**
   * POSTs a JSON body and reads the response.
   *
   * @param timeout how long to wait for each read of the response
   * @throws IOException when the exchange fails; the connection is then not reusable
   */
  Response post(byte[] json, Duration timeout) throws IOException {
    reusable = false; // until the response has been read whole
    byte[] length = (json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[requestHead.length + length.length + json.length];
    System.arraycopy(requestHead, 0, request, 0, requestHead.length);
    System.arraycopy(length, 0, request, requestHead.length, length.length);
    System.arraycopy(json, 0, request, requestHead.length + length.length, json.length);
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    out.write(request);
    out.flush();
    HttpWire.Head head = HttpWire.readHead(in, "before answering");
    String encoding = head.header("transfer-encoding");
    String contentLength = head.header("content-length");
    byte[] body;
    boolean toEnd = false;
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = readChunked();
    } else if (contentLength != null) {
      body = readExactly(parseLength(contentLength));
    } else {
      body = readToEnd();
      toEnd = true;
    }
    String connection = head.header("connection");
    reusable =
        !toEnd
            && !(connection != null && connection.toLowerCase(Locale.ROOT).contains("close"))
            && !head.statusLine().startsWith("HTTP/1.0");
    return new Response(head, body);
  }

  /** Whether the next request may use this connection: the last response was read whole. */
  boolean reusable() {
    return reusable;
  }

  private static int parseLength(String value) throws IOException {
    try {
      long length = Long.parseLong(value.trim());
      if (length < 0 || length > MAX_BODY_BYTES) {
        throw new IOException("response body of " + length + " bytes");
      }
      return (int) length;
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length: " + HttpWire.abbreviate(value));
    }
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException(
          "the server closed the connection after " + body.length + " of " + length + " bytes");
    }
    return body;
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String line = HttpWire.readLine(in, "in a chunked response");
      int semicolon = line.indexOf(';');
      String size = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
      int chunk;
      try {
        chunk = Integer.parseInt(size, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + HttpWire.abbreviate(line));
      }
      if (chunk < 0 || body.size() + (long) chunk > MAX_BODY_BYTES) {
        throw new IOException("chunked response over " + MAX_BODY_BYTES + " bytes");
      }
      if (chunk == 0) {
        // Trailers, if any, up to the blank line.
        while (!HttpWire.readLine(in, "in a chunked response's trailer").isEmpty()) {
          // skipped
        }
        return body.toByteArray();
      }
      body.write(readExactly(chunk));
      if (!HttpWire.readLine(in, "in a chunked response").isEmpty()) {
        throw new IOException("a chunk is not followed by CRLF");
      }
    }
  }

  private byte[] readToEnd() throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new IOException("response body over " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing left to do with it.
    }
  }
}
