package org.megaeth.rpc.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/** Small hand-assembled contracts for the rpc tests. */
public final class Contracts {
  /** The topic {@link #storeAndLog()} logs with. */
  public static final Hash STORED_TOPIC =
      Hash.fromHex("0x00000000000000000000000000000000000000000000000000000000000057e0");

  private Contracts() {}

  /** Runtime: stores calldata word 0 in slot 0, logs it under {@link #STORED_TOPIC}, returns it. */
  public static Bytes storeAndLog() {
    Asm a = new Asm();
    a.op(0x5f).op(0x35); // PUSH0 CALLDATALOAD
    a.op(0x80).op(0x5f).op(0x55); // DUP1 PUSH0 SSTORE
    a.op(0x80).op(0x5f).op(0x52); // DUP1 PUSH0 MSTORE
    a.op(0x7f).bytes(STORED_TOPIC.toArray()); // PUSH32 topic
    a.op(0x60).op(0x20).op(0x5f).op(0xa1); // PUSH1 32 PUSH0 LOG1
    a.op(0x60).op(0x20).op(0x5f).op(0xf3); // PUSH1 32 PUSH0 RETURN
    return a.toBytes();
  }

  /** Runtime: reverts with {@code Error(reason)}. */
  public static Bytes revertWith(String reason) {
    return revertWithData(errorData(reason));
  }

  /** Runtime: reverts with {@code Panic(code)}. */
  public static Bytes panic(int code) {
    Asm payload = new Asm().bytes(new byte[] {0x4e, 0x48, 0x7b, 0x71});
    payload.bytes(UInt256.valueOf(code).toBytes32());
    return revertWithData(payload.toBytes().toArray());
  }

  /** Runtime: reverts with exactly {@code data}. */
  public static Bytes revertWithData(byte[] data) {
    Asm a = new Asm();
    int header = 13;
    a.op(0x61).u16(data.length).op(0x61).u16(header).op(0x5f).op(0x39); // CODECOPY(0, header, len)
    a.op(0x61).u16(data.length).op(0x5f).op(0xfd); // REVERT(0, len)
    a.bytes(data);
    return a.toBytes();
  }

  /** ABI {@code Error(string)} revert data. */
  public static byte[] errorData(String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    Asm d = new Asm().bytes(new byte[] {0x08, (byte) 0xc3, 0x79, (byte) 0xa0});
    d.bytes(UInt256.valueOf(32).toBytes32());
    d.bytes(UInt256.valueOf(text.length).toBytes32());
    byte[] padded = new byte[(text.length + 31) / 32 * 32];
    System.arraycopy(text, 0, padded, 0, text.length);
    d.bytes(padded);
    return d.toBytes().toArray();
  }

  /** Runtime: reverts unless at least 100,000 gas is left on entry; then stores 1 in slot 0. */
  public static Bytes gasGuard() {
    Asm a = new Asm();
    a.op(0x62).bytes(new byte[] {0x01, (byte) 0x86, (byte) 0xa0}); // PUSH3 100000
    a.op(0x5a).op(0x10); // GAS LT: gas < 100000
    a.op(0x60).op(0x0e).op(0x57); // PUSH1 14 JUMPI
    a.op(0x60).op(0x01).op(0x5f).op(0x55).op(0x00); // SSTORE(0, 1) STOP
    a.op(0x5b).op(0x5f).op(0x5f).op(0xfd); // JUMPDEST REVERT(0, 0)
    return a.toBytes();
  }

  /** Runtime: returns NUMBER, TIMESTAMP, COINBASE, CALLER, CHAINID, SLOAD(0) as six words. */
  public static Bytes environment() {
    Asm a = new Asm();
    a.op(0x43).op(0x5f).op(0x52); // NUMBER -> 0
    a.op(0x42).op(0x60).op(0x20).op(0x52); // TIMESTAMP -> 32
    a.op(0x41).op(0x60).op(0x40).op(0x52); // COINBASE -> 64
    a.op(0x33).op(0x60).op(0x60).op(0x52); // CALLER -> 96
    a.op(0x46).op(0x60).op(0x80).op(0x52); // CHAINID -> 128
    a.op(0x5f).op(0x54).op(0x60).op(0xa0).op(0x52); // SLOAD(0) -> 160
    a.op(0x60).op(0xc0).op(0x5f).op(0xf3); // RETURN(0, 192)
    return a.toBytes();
  }

  /** Init code that deploys {@code runtime}. */
  public static Bytes deployer(Bytes runtime) {
    Asm a = new Asm();
    a.op(0x61).u16(runtime.size()).op(0x80); // PUSH2 len DUP1
    a.op(0x61).u16(11).op(0x5f).op(0x39); // PUSH2 11 PUSH0 CODECOPY
    a.op(0x5f).op(0xf3); // PUSH0 RETURN
    a.bytes(runtime.toArray());
    return a.toBytes();
  }

  /** A word of calldata. */
  public static Bytes word(long value) {
    return Bytes.wrap(UInt256.valueOf(value).toBytes32());
  }

  private static final class Asm {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Asm op(int opcode) {
      out.write(opcode);
      return this;
    }

    Asm u16(int value) {
      out.write(value >>> 8);
      out.write(value & 0xff);
      return this;
    }

    Asm bytes(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    Bytes toBytes() {
      return Bytes.wrap(out.toByteArray());
    }
  }
}
