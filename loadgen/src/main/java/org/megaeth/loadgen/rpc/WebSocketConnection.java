package org.megaeth.loadgen.rpc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client WebSocket (RFC 6455) over a blocking socket: text messages out from the caller's
 * thread, messages in on a reader thread of its own.
 *
 * <p>Why not the JDK's {@code java.net.http.WebSocket}: it takes text only as a {@code
 * CharSequence} and encodes it to UTF-8 one character at a time through a {@code CharBuffer} view
 * of the string. In the tool's C1-compiled code that was 40% of the load generator's CPU with
 * batches of 64 transfers (docs/benchmarks.md, rpc, "session 13"), CPU taken from the node it
 * measures. Here a message is one {@code String.getBytes} (an intrinsic copy for JSON's ASCII),
 * masked in place and written with one call; a message that comes in is handed over as its UTF-8
 * bytes, which Jackson parses without decoding them to characters first.
 *
 * <p>Frames are what a browser sends: text, masked with a fresh key each. Pings are answered,
 * fragmented messages joined, and a close frame from the server ends the connection.
 */
final class WebSocketConnection implements AutoCloseable {
  /** What the reader thread hands over. Called on that thread, one message at a time. */
  interface Listener {
    /** A whole text (or binary) message, as its bytes. */
    void onMessage(byte[] utf8);

    /** The connection ended without {@link #close()}: the server closed it, or it broke. */
    void onClosed(String reason);
  }

  /** The largest message accepted from the server: a block of 30,000 transfers is ~2 MB. */
  private static final int MAX_MESSAGE_BYTES = 256 << 20;

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int OP_CONTINUATION = 0x0;
  private static final int OP_TEXT = 0x1;
  private static final int OP_BINARY = 0x2;
  private static final int OP_CLOSE = 0x8;
  private static final int OP_PING = 0x9;
  private static final int OP_PONG = 0xA;
  private static final int NORMAL_CLOSURE = 1000;

  private final URI endpoint;
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final Listener listener;
  private final Thread reader;
  private volatile boolean closing;

  private WebSocketConnection(
      URI endpoint, Socket socket, DataInputStream in, Listener listener, String threadName)
      throws IOException {
    this.endpoint = endpoint;
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.listener = listener;
    this.reader = new Thread(this::readLoop, threadName);
    this.reader.setDaemon(true);
  }

  /**
   * Connects to a {@code ws://} or {@code wss://} endpoint and completes the opening handshake.
   *
   * @throws IOException when the server cannot be reached or does not accept the upgrade; the
   *     message says which
   */
  static WebSocketConnection open(
      URI endpoint, Duration connectTimeout, Listener listener, String threadName)
      throws IOException {
    String scheme = String.valueOf(endpoint.getScheme()).toLowerCase(Locale.ROOT);
    boolean tls = scheme.equals("wss");
    if (!tls && !scheme.equals("ws")) {
      throw new IOException("not a WebSocket endpoint (ws:// or wss://): " + endpoint);
    }
    HttpWire.Target target = HttpWire.Target.of(endpoint, tls);
    Socket socket = HttpWire.connect(target, connectTimeout);
    try {
      socket.setSoTimeout((int) connectTimeout.toMillis());
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      handshake(target, socket.getOutputStream(), in);
      socket.setSoTimeout(0);
      WebSocketConnection connection =
          new WebSocketConnection(endpoint, socket, in, listener, threadName);
      connection.reader.start();
      return connection;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static void handshake(HttpWire.Target target, OutputStream out, DataInputStream in)
      throws IOException {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    String request =
        "GET "
            + target.requestTarget()
            + " HTTP/1.1\r\n"
            + "Host: "
            + target.hostHeader()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + key
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    HttpWire.Head head = HttpWire.readHead(in, "during the WebSocket handshake");
    if (head.status() != 101) {
      throw new IOException("the server refused the WebSocket upgrade: " + head.statusLine());
    }
    String accept = head.header("sec-websocket-accept");
    if (!expectedAccept(key).equals(accept)) {
      throw new IOException("the server answered the upgrade with a wrong Sec-WebSocket-Accept");
    }
  }

  /** RFC 6455, 4.2.2: base64(SHA-1(key ++ GUID)). */
  static String expectedAccept(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** Sends one text message; blocks while the socket's send buffer is full. */
  void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    writeFrame(OP_TEXT, payload, payload.length);
  }

  /**
   * Writes one final frame, masked as a client's must be (RFC 6455, 5.3), header and payload with
   * one write. Synchronized: frames of different callers must not interleave.
   */
  private synchronized void writeFrame(int opcode, byte[] payload, int length) throws IOException {
    int lengthBytes = length < 126 ? 0 : length <= 0xFFFF ? 2 : 8;
    int header = 2 + lengthBytes + 4;
    byte[] frame = new byte[header + length];
    frame[0] = (byte) (0x80 | opcode);
    if (lengthBytes == 0) {
      frame[1] = (byte) (0x80 | length);
    } else if (lengthBytes == 2) {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    } else {
      frame[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
      }
    }
    int mask = ThreadLocalRandom.current().nextInt();
    int keyAt = header - 4;
    frame[keyAt] = (byte) (mask >>> 24);
    frame[keyAt + 1] = (byte) (mask >>> 16);
    frame[keyAt + 2] = (byte) (mask >>> 8);
    frame[keyAt + 3] = (byte) mask;
    for (int i = 0; i < length; i++) {
      frame[header + i] = (byte) (payload[i] ^ frame[keyAt + (i & 3)]);
    }
    out.write(frame);
    out.flush();
  }

  private void readLoop() {
    ByteArrayOutputStream fragments = null;
    try {
      while (true) {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        boolean fin = (first & 0x80) != 0;
        int opcode = first & 0x0F;
        long length = second & 0x7F;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        if (length < 0 || length > MAX_MESSAGE_BYTES) {
          throw new IOException("a frame of " + length + " bytes, over the tool's limit");
        }
        byte[] key = null;
        if ((second & 0x80) != 0) {
          key = new byte[4];
          in.readFully(key);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (key != null) {
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= key[i & 3];
          }
        }
        switch (opcode) {
          case OP_TEXT, OP_BINARY -> {
            if (fin) {
              listener.onMessage(payload);
            } else {
              fragments = new ByteArrayOutputStream(payload.length * 2);
              fragments.write(payload);
            }
          }
          case OP_CONTINUATION -> {
            if (fragments == null) {
              throw new IOException("a continuation frame without a message to continue");
            }
            fragments.write(payload);
            if (fragments.size() > MAX_MESSAGE_BYTES) {
              throw new IOException("a message over the tool's limit");
            }
            if (fin) {
              byte[] message = fragments.toByteArray();
              fragments = null;
              listener.onMessage(message);
            }
          }
          case OP_PING -> writeFrame(OP_PONG, payload, payload.length);
          case OP_PONG -> {}
          case OP_CLOSE -> {
            if (!closing) {
              closing = true;
              listener.onClosed(closeReason(payload));
              try {
                writeFrame(
                    OP_CLOSE, payload, Math.min(payload.length, 2)); // the echo RFC 6455 asks
              } catch (IOException e) {
                // The server may have gone already.
              }
            }
            closeQuietly();
            return;
          }
          default -> throw new IOException("a frame with the unknown opcode " + opcode);
        }
      }
    } catch (IOException e) {
      if (!closing) {
        closing = true;
        listener.onClosed(
            e instanceof EOFException
                ? endpoint + " closed the connection"
                : Failures.describe(endpoint, e));
      }
      closeQuietly();
    }
  }

  private String closeReason(byte[] payload) {
    if (payload.length < 2) {
      return endpoint + " closed the WebSocket";
    }
    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    String reason = new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    return endpoint + " closed the WebSocket (" + code + " " + reason + ")";
  }

  /** A polite close frame, then the socket; the server's answer is not waited for long. */
  @Override
  public void close() {
    if (closing) {
      closeQuietly();
      return;
    }
    closing = true;
    try {
      byte[] payload = {(byte) (NORMAL_CLOSURE >>> 8), (byte) NORMAL_CLOSURE, 'd', 'o', 'n', 'e'};
      writeFrame(OP_CLOSE, payload, payload.length);
      reader.join(1000);
    } catch (IOException e) {
      // The connection is going away either way.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
