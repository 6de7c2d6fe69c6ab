package org.megaeth.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;

/**
 * Writes JSON straight into a Jackson generator, with JSON-RPC's two hex forms: a quantity is
 * {@code 0x} and the number's digits without leading zeros ({@code 0x0} for zero), data is {@code
 * 0x} and two digits per byte. The hex digits go into a scratch buffer and from there into the
 * generator as raw UTF-8, so a hash or a quantity costs no {@code String}, no {@code BigInteger}
 * and no tree node: building an {@code ObjectNode} tree per receipt and then serializing it was a
 * quarter of the request threads' time under the load generator (see docs/benchmarks.md, rpc
 * section, and {@code ReceiptJsonBenchmark}). Benchmark before refactoring.
 *
 * <p>One per serialization (it owns the scratch buffer); not thread-safe.
 */
public final class JsonWriter {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final JsonGenerator gen;

  /**
   * Whether {@link #gen} writes UTF-8 bytes and so takes the digits as they are; generators that
   * write characters ({@code JsonNode.toString()}, a {@code Writer}) get a {@code String}.
   */
  private final boolean utf8;

  /**
   * {@code 0x} and the digits of a word, a hash or data up to a logs bloom's 256 bytes, as ASCII:
   * the generator copies them as they are ({@code writeRawUTF8String}: hex digits never need
   * escaping), where a {@code String} or {@code char[]} would be converted char by char.
   */
  private final byte[] scratch = new byte[2 + 2 * 256];

  public JsonWriter(JsonGenerator gen) {
    this.gen = gen;
    this.utf8 = gen instanceof UTF8JsonGenerator;
    scratch[0] = '0';
    scratch[1] = 'x';
  }

  public void startObject() throws IOException {
    gen.writeStartObject();
  }

  public void endObject() throws IOException {
    gen.writeEndObject();
  }

  public void startArray() throws IOException {
    gen.writeStartArray();
  }

  public void endArray() throws IOException {
    gen.writeEndArray();
  }

  /** Starts the array member {@code name}. */
  public void startArray(String name) throws IOException {
    gen.writeFieldName(name);
    gen.writeStartArray();
  }

  public void name(String name) throws IOException {
    gen.writeFieldName(name);
  }

  public void nullField(String name) throws IOException {
    gen.writeFieldName(name);
    gen.writeNull();
  }

  public void string(String name, String value) throws IOException {
    gen.writeFieldName(name);
    gen.writeString(value);
  }

  public void bool(String name, boolean value) throws IOException {
    gen.writeFieldName(name);
    gen.writeBoolean(value);
  }

  /** A quantity from a non-negative {@code long}. */
  public void quantity(String name, long value) throws IOException {
    gen.writeFieldName(name);
    quantity(value);
  }

  /** A quantity from an unsigned 64-bit value held in a {@code long} (nonces, gas limits). */
  public void unsignedQuantity(String name, long value) throws IOException {
    gen.writeFieldName(name);
    unsignedQuantity(value);
  }

  public void quantity(String name, UInt256 value) throws IOException {
    gen.writeFieldName(name);
    quantity(value);
  }

  public void quantity(String name, Wei value) throws IOException {
    gen.writeFieldName(name);
    quantity(value.value());
  }

  public void hash(String name, Hash value) throws IOException {
    gen.writeFieldName(name);
    hash(value);
  }

  public void address(String name, Address value) throws IOException {
    gen.writeFieldName(name);
    address(value);
  }

  public void data(String name, Bytes value) throws IOException {
    gen.writeFieldName(name);
    data(value);
  }

  public void data(String name, byte[] value) throws IOException {
    gen.writeFieldName(name);
    data(value, 0, value.length);
  }

  /** A quantity value from a non-negative {@code long}. */
  public void quantity(long value) throws IOException {
    if (value < 0) {
      throw new IllegalArgumentException("negative quantity " + value);
    }
    unsignedQuantity(value);
  }

  public void unsignedQuantity(long value) throws IOException {
    byte[] out = scratch;
    emit(out, writeDigits(out, 2, value));
  }

  /** A quantity value: the same digits as {@code BigInteger.toString(16)}, straight from limbs. */
  public void quantity(UInt256 value) throws IOException {
    byte[] out = scratch;
    int end;
    if (value.u3() != 0) {
      end = writeDigits(out, 2, value.u3());
      end = writeLimb(out, end, value.u2());
      end = writeLimb(out, end, value.u1());
      end = writeLimb(out, end, value.u0());
    } else if (value.u2() != 0) {
      end = writeDigits(out, 2, value.u2());
      end = writeLimb(out, end, value.u1());
      end = writeLimb(out, end, value.u0());
    } else if (value.u1() != 0) {
      end = writeDigits(out, 2, value.u1());
      end = writeLimb(out, end, value.u0());
    } else {
      end = writeDigits(out, 2, value.u0());
    }
    emit(out, end);
  }

  public void hash(Hash value) throws IOException {
    data(value.bytes()); // wraps the hash's own array: no copy
  }

  public void address(Address value) throws IOException {
    data(value.bytes());
  }

  public void data(Bytes value) throws IOException {
    // Read-only use: the backing array when the Bytes wraps a whole one, else a copy.
    byte[] bytes = value.toArrayUnsafe();
    data(bytes, 0, bytes.length);
  }

  public void data(byte[] bytes, int offset, int length) throws IOException {
    int chars = 2 + 2 * length;
    // Longer than a logs bloom (call inputs, code): an array of its own, not kept.
    byte[] out = chars <= scratch.length ? scratch : new byte[chars];
    emit(out, Hex.writeAscii(bytes, offset, length, out));
  }

  /** {@code length} ASCII bytes of {@code out} as a JSON string value. */
  private void emit(byte[] out, int length) throws IOException {
    if (utf8) {
      gen.writeRawUTF8String(out, 0, length);
    } else {
      gen.writeString(new String(out, 0, length, StandardCharsets.US_ASCII));
    }
  }

  /** The hex digits of {@code value} (unsigned) without leading zeros, at least one digit. */
  private static int writeDigits(byte[] out, int at, long value) {
    int digits = value == 0 ? 1 : (67 - Long.numberOfLeadingZeros(value)) >>> 2;
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = DIGITS[(int) (value & 0xF)];
      value >>>= 4;
    }
    return at + digits;
  }

  /** A full 64-bit limb: exactly 16 digits. */
  private static int writeLimb(byte[] out, int at, long value) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = DIGITS[(int) (value & 0xF)];
      value >>>= 4;
    }
    return at + 16;
  }
}
