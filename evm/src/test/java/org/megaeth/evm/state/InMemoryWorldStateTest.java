package org.megaeth.evm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

class InMemoryWorldStateTest {
  private static final Address A = Address.ofNumber(0xaa);
  private static final UInt256 K = UInt256.ONE;

  @Test
  void shouldUndoEverythingWhenRevertingToSnapshot() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.putAccount(A, 1, UInt256.valueOf(10), new byte[0], Map.of(K, UInt256.valueOf(5)));
    int snapshot = world.snapshot();
    world.setBalance(A, UInt256.valueOf(99));
    world.setNonce(A, 7);
    world.setStorage(A, K, UInt256.valueOf(6));
    world.setCode(A, new byte[] {1});
    world.setTransientStorage(A, K, UInt256.ONE);
    Address b = Address.ofNumber(0xbb);
    world.createAccount(b);
    world.revertToSnapshot(snapshot);
    assertThat(world.getBalance(A)).isEqualTo(UInt256.valueOf(10));
    assertThat(world.getNonce(A)).isEqualTo(1);
    assertThat(world.getStorage(A, K)).isEqualTo(UInt256.valueOf(5));
    assertThat(world.getCodeHash(A)).isEqualTo(Keccak.EMPTY);
    assertThat(world.getTransientStorage(A, K)).isEqualTo(UInt256.ZERO);
    assertThat(world.exists(b)).isFalse();
    assertThat(world.touchedAccounts()).isEmpty();
  }

  @Test
  void shouldKeepOriginalValueUntilTransactionCommits() {
    InMemoryWorldState world = new InMemoryWorldState();
    world.putAccount(A, 1, UInt256.ZERO, new byte[0], Map.of(K, UInt256.valueOf(5)));
    world.setStorage(A, K, UInt256.valueOf(6));
    world.setStorage(A, K, UInt256.valueOf(7));
    assertThat(world.getOriginalStorage(A, K)).isEqualTo(UInt256.valueOf(5));
    world.commitTransaction();
    assertThat(world.getOriginalStorage(A, K)).isEqualTo(UInt256.valueOf(7));
  }

  @Test
  void shouldTreatMissingAccountAsEmptyWhenQueried() {
    InMemoryWorldState world = new InMemoryWorldState();
    assertThat(world.exists(A)).isFalse();
    assertThat(world.isEmpty(A)).isTrue();
    world.createAccount(A);
    assertThat(world.exists(A)).isTrue();
    assertThat(world.isEmpty(A)).isTrue();
    assertThat(world.touchedAccounts()).containsExactly(A);
    world.setNonce(A, 1);
    assertThat(world.isEmpty(A)).isFalse();
  }
}
