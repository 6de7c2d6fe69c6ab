package org.megaeth.evm.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

class SubstateTest {
  private static final Address PRECOMPILE = Address.ofNumber(1);
  private static final Address OTHER = Address.ofNumber(0x1234);

  @Test
  void shouldTreatAlwaysWarmAddressesAsWarmWhenNeverAdded() {
    Substate substate = new Substate(Set.of(PRECOMPILE));
    assertThat(substate.isWarm(PRECOMPILE)).isTrue();
    assertThat(substate.warmAddress(PRECOMPILE)).isFalse(); // never cold (EIP-2929)
    assertThat(substate.isWarm(OTHER)).isFalse();
  }

  @Test
  void shouldKeepAlwaysWarmAddressesWarmWhenReverted() {
    Substate substate = new Substate(Set.of(PRECOMPILE));
    int checkpoint = substate.checkpoint();
    assertThat(substate.warmAddress(PRECOMPILE)).isFalse();
    assertThat(substate.warmAddress(OTHER)).isTrue();
    substate.warmSlot(OTHER, UInt256.ONE);
    substate.revertTo(checkpoint);
    assertThat(substate.isWarm(PRECOMPILE)).isTrue();
    assertThat(substate.isWarm(OTHER)).isFalse();
    assertThat(substate.isWarm(OTHER, UInt256.ONE)).isFalse();
    assertThat(substate.warmAddress(OTHER)).isTrue();
  }

  @Test
  void shouldStartColdWhenNoAlwaysWarmSetGiven() {
    Substate substate = new Substate();
    assertThat(substate.warmAddress(PRECOMPILE)).isTrue();
    assertThat(substate.warmAddress(PRECOMPILE)).isFalse();
  }
}
