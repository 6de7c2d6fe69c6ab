package org.megaeth.evm.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.state.InMemoryWorldState;

/**
 * A test-only state root: a minimal, unoptimised secure Merkle-Patricia trie root over sorted keys,
 * so the state tests can check post-states before the {@code trie} module is available to the evm
 * (which must not depend on it). Not for production use.
 */
final class TestStateRoot {
  private TestStateRoot() {}

  static Hash of(InMemoryWorldState state) {
    List<byte[][]> entries = new ArrayList<>();
    for (Map.Entry<Address, InMemoryWorldState.Account> e : state.accounts().entrySet()) {
      InMemoryWorldState.Account account = e.getValue();
      Hash storageRoot = storageRoot(account.storage());
      Bytes value =
          Rlp.encodeList(
              w -> {
                w.writeUInt64(account.nonce());
                w.writeUInt256(account.balance());
                w.writeHash(storageRoot);
                w.writeHash(account.codeHash());
              });
      entries.add(new byte[][] {Keccak.keccak256(e.getKey().toArray()), value.toArrayUnsafe()});
    }
    return root(entries);
  }

  static Hash storageRoot(Map<UInt256, UInt256> storage) {
    List<byte[][]> entries = new ArrayList<>();
    for (Map.Entry<UInt256, UInt256> e : storage.entrySet()) {
      if (e.getValue().isZero()) {
        continue;
      }
      Bytes value = Rlp.encode(w -> w.writeUInt256(e.getValue()));
      entries.add(new byte[][] {Keccak.keccak256(e.getKey().toBytes32()), value.toArrayUnsafe()});
    }
    return root(entries);
  }

  /** Root of a trie holding {@code entries} (key, value) with distinct 32-byte keys. */
  static Hash root(List<byte[][]> entries) {
    List<byte[][]> nibbled = new ArrayList<>();
    for (byte[][] e : entries) {
      nibbled.add(new byte[][] {nibbles(e[0]), e[1]});
    }
    nibbled.sort((x, y) -> java.util.Arrays.compare(x[0], y[0]));
    byte[] encoded = node(nibbled, 0);
    return Hash.wrap(Keccak.keccak256(encoded));
  }

  private static byte[] nibbles(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0xF);
      out[2 * i + 1] = (byte) (key[i] & 0xF);
    }
    return out;
  }

  private static byte[] node(List<byte[][]> entries, int depth) {
    if (entries.isEmpty()) {
      return new byte[] {(byte) 0x80};
    }
    if (entries.size() == 1) {
      byte[] key = entries.get(0)[0];
      byte[] path = java.util.Arrays.copyOfRange(key, depth, key.length);
      byte[] value = entries.get(0)[1];
      return Rlp.encodeList(
              w -> {
                w.writeBytes(hexPrefix(path, true));
                w.writeBytes(value);
              })
          .toArrayUnsafe();
    }
    int common = commonPrefix(entries, depth);
    if (common > 0) {
      byte[] path = java.util.Arrays.copyOfRange(entries.get(0)[0], depth, depth + common);
      byte[] child = node(entries, depth + common);
      return Rlp.encodeList(
              w -> {
                w.writeBytes(hexPrefix(path, false));
                writeRef(w, child);
              })
          .toArrayUnsafe();
    }
    List<List<byte[][]>> groups = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      groups.add(new ArrayList<>());
    }
    for (byte[][] e : entries) {
      groups.get(e[0][depth]).add(e);
    }
    return Rlp.encodeList(
            w -> {
              for (int i = 0; i < 16; i++) {
                if (groups.get(i).isEmpty()) {
                  w.writeEmpty();
                } else {
                  writeRef(w, node(groups.get(i), depth + 1));
                }
              }
              w.writeEmpty();
            })
        .toArrayUnsafe();
  }

  private static void writeRef(org.megaeth.core.rlp.RlpWriter w, byte[] child) {
    if (child.length < 32) {
      w.writeRaw(Bytes.wrap(child));
    } else {
      w.writeBytes(Keccak.keccak256(child));
    }
  }

  private static int commonPrefix(List<byte[][]> entries, int depth) {
    byte[] first = entries.get(0)[0];
    byte[] last = entries.get(entries.size() - 1)[0];
    int n = 0;
    while (depth + n < first.length && first[depth + n] == last[depth + n]) {
      n++;
    }
    return n;
  }

  private static byte[] hexPrefix(byte[] path, boolean leaf) {
    int flag = leaf ? 2 : 0;
    boolean odd = path.length % 2 == 1;
    byte[] out = new byte[path.length / 2 + 1];
    if (odd) {
      out[0] = (byte) (((flag + 1) << 4) | path[0]);
      for (int i = 1; i < path.length; i += 2) {
        out[(i + 1) / 2] = (byte) ((path[i] << 4) | path[i + 1]);
      }
    } else {
      out[0] = (byte) (flag << 4);
      for (int i = 0; i < path.length; i += 2) {
        out[i / 2 + 1] = (byte) ((path[i] << 4) | path[i + 1]);
      }
    }
    return out;
  }
}
