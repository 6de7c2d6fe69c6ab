package org.megaeth.rpc.evm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.Frame;

/**
 * Records the accounts and slots a call touches, as geth's access-list tracer does: storage slots
 * of SLOAD and SSTORE, the accounts of BALANCE, EXTCODE*, the CALL family and SELFDESTRUCT, leaving
 * out the sender, the recipient and the precompiles, which are warm anyway.
 */
final class AccessListTracer extends DeadlineTracer {
  private final Set<Address> excluded;
  private final Map<Address, Set<Hash>> touched = new LinkedHashMap<>();

  AccessListTracer(long deadlineNanos, Set<Address> excluded, List<AccessListEntry> initial) {
    super(deadlineNanos);
    this.excluded = Set.copyOf(excluded);
    for (AccessListEntry entry : initial) {
      Set<Hash> keys = touched.computeIfAbsent(entry.address(), a -> new LinkedHashSet<>());
      keys.addAll(entry.storageKeys());
    }
  }

  @Override
  public void onStep(Frame frame, int opcode) {
    super.onStep(frame, opcode);
    switch (opcode) {
      case 0x54, 0x55 -> slot(frame.ctx.address(), frame.stack.peek(0)); // SLOAD, SSTORE
      case 0x31, 0x3b, 0x3c, 0x3f, 0xff -> account(frame.stack.peek(0)); // BALANCE, EXTCODE*, SD
      case 0xf1, 0xf2, 0xf4, 0xfa ->
          account(frame.stack.peek(1)); // CALL, CALLCODE, DELEGATE, STATIC
      default -> {
        // Other instructions touch no account or slot of their own.
      }
    }
  }

  private void account(UInt256 word) {
    Address address = Address.fromWord(word.toBytes32(), 0);
    if (!excluded.contains(address)) {
      touched.computeIfAbsent(address, a -> new LinkedHashSet<>());
    }
  }

  private void slot(Address address, UInt256 key) {
    touched.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(Hash.wrap(key.toBytes32()));
  }

  /** The access list seen so far, in first-touched order. */
  List<AccessListEntry> accessList() {
    List<AccessListEntry> list = new ArrayList<>();
    touched.forEach((address, keys) -> list.add(new AccessListEntry(address, List.copyOf(keys))));
    return list;
  }
}
