package org.megaeth.evm.code;

import java.util.LinkedHashMap;
import java.util.Map;
import org.megaeth.core.types.Hash;

/**
 * Analysed code by code hash, so the JUMPDEST analysis runs once per contract rather than once per
 * call. Bounded (least recently used goes first) and safe to share between the threads of the
 * caller's executor: the EVM itself owns no threads.
 */
public final class CodeCache {
  private final int capacity;
  private final Map<Hash, Code> entries;

  public CodeCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(256, 0.75f, true);
  }

  /** The analysed code for {@code bytes} with hash {@code hash}, analysing it on a miss. */
  public Code get(Hash hash, byte[] bytes) {
    if (bytes.length == 0) {
      return Code.EMPTY;
    }
    synchronized (entries) {
      Code cached = entries.get(hash);
      if (cached != null) {
        return cached;
      }
    }
    Code code = Code.of(bytes, hash);
    synchronized (entries) {
      entries.put(hash, code);
      if (entries.size() > capacity) {
        Hash eldest = entries.keySet().iterator().next();
        entries.remove(eldest);
      }
    }
    return code;
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
