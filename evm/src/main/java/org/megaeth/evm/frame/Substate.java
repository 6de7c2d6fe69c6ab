package org.megaeth.evm.frame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.megaeth.core.block.Log;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * The transaction's accrued substate (yellow paper A): logs, the refund counter, the EIP-2929
 * access sets, the SELFDESTRUCT set, and the accounts created in this transaction (EIP-6780). A
 * failed frame reverts all of it to its {@link #checkpoint()}, just as the world state's journal.
 */
public final class Substate {
  /** A storage slot in the EIP-2929 access set. */
  public record Slot(Address address, UInt256 key) {}

  private final List<Log> logs = new ArrayList<>();
  private final Set<Address> alwaysWarm;
  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<Slot> warmSlots = new HashSet<>();
  private final Set<Address> selfDestructs = new LinkedHashSet<>();
  private final Set<Address> created = new HashSet<>();
  private long refund;

  /**
   * Undo entries: an Address warmed, a Slot warmed, a self-destruct or creation recorded, a log
   * appended, or the previous refund.
   */
  private final ArrayList<Object> undo = new ArrayList<>();

  /** An empty substate; every address starts cold. */
  public Substate() {
    this(Set.of());
  }

  /**
   * An empty substate in which {@code alwaysWarm} (the fork's precompiles, EIP-2929) are warm from
   * the start and cannot be reverted to cold. Looking them up in the fork's immutable set instead
   * of copying them into the access set saves ten or more insertions per transaction.
   */
  public Substate(Set<Address> alwaysWarm) {
    this.alwaysWarm = alwaysWarm;
  }

  private record SelfDestruct(Address address) {}

  private record Created(Address address) {}

  private record RefundWas(long refund) {}

  private record LogAdded() {}

  private static final LogAdded LOG_ADDED = new LogAdded();

  public int checkpoint() {
    return undo.size();
  }

  public void revertTo(int checkpoint) {
    for (int i = undo.size() - 1; i >= checkpoint; i--) {
      Object entry = undo.remove(i);
      switch (entry) {
        case Address a -> warmAddresses.remove(a);
        case Slot s -> warmSlots.remove(s);
        case SelfDestruct d -> selfDestructs.remove(d.address());
        case Created c -> created.remove(c.address());
        case RefundWas r -> refund = r.refund();
        case LogAdded l -> logs.remove(logs.size() - 1);
        default -> throw new IllegalStateException("unknown undo entry " + entry);
      }
    }
  }

  /** Warms {@code address}; returns true when it was cold (EIP-2929). */
  public boolean warmAddress(Address address) {
    if (!alwaysWarm.contains(address) && warmAddresses.add(address)) {
      undo.add(address);
      return true;
    }
    return false;
  }

  public boolean isWarm(Address address) {
    return warmAddresses.contains(address) || alwaysWarm.contains(address);
  }

  /** Warms a storage slot; returns true when it was cold (EIP-2929). */
  public boolean warmSlot(Address address, UInt256 key) {
    Slot slot = new Slot(address, key);
    if (warmSlots.add(slot)) {
      undo.add(slot);
      return true;
    }
    return false;
  }

  public boolean isWarm(Address address, UInt256 key) {
    return warmSlots.contains(new Slot(address, key));
  }

  public void addLog(Log log) {
    logs.add(log);
    undo.add(LOG_ADDED);
  }

  public List<Log> logs() {
    return List.copyOf(logs);
  }

  public long refund() {
    return refund;
  }

  public void addRefund(long delta) {
    if (delta != 0) {
      undo.add(new RefundWas(refund));
      refund += delta;
    }
  }

  public void addSelfDestruct(Address address) {
    if (selfDestructs.add(address)) {
      undo.add(new SelfDestruct(address));
    }
  }

  public Set<Address> selfDestructs() {
    return selfDestructs;
  }

  /** EIP-6780: remembers that {@code address} was created by this transaction. */
  public void markCreated(Address address) {
    if (created.add(address)) {
      undo.add(new Created(address));
    }
  }

  public boolean wasCreated(Address address) {
    return created.contains(address);
  }
}
