package org.megaeth.core.block;

import org.megaeth.core.rlp.RlpReader;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.types.Address;

/**
 * An EIP-4895 withdrawal from the beacon chain.
 *
 * @param amountGwei the amount in gwei, as on the wire (credit {@code amountGwei * 10^9} wei)
 */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {
  public void writeTo(RlpWriter out) {
    out.writeList(
        w -> {
          w.writeUInt64(index);
          w.writeUInt64(validatorIndex);
          w.writeAddress(address);
          w.writeUInt64(amountGwei);
        });
  }

  public static Withdrawal readFrom(RlpReader in) {
    return in.readList(
        r -> new Withdrawal(r.readUInt64(), r.readUInt64(), r.readAddress(), r.readUInt64()));
  }
}
