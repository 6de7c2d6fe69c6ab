package org.megaeth.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;

/**
 * The token the load moves: {@code BenchToken}, OpenZeppelin's ERC-20 whose constructor mints the
 * whole supply to the deployer (source and build in {@code benchmarks/src/main/resources/contracts/
 * README.md}); and the ABI encoding of the two calls used on it.
 */
public final class Erc20 {
  /** The init code's resource; the benchmarks module loads it too. */
  public static final String BENCH_TOKEN_RESOURCE = "/contracts/BenchToken.hex";

  private static final Bytes TRANSFER =
      Bytes.fromHexString("0xa9059cbb"); // transfer(address,uint256)
  private static final Bytes BALANCE_OF = Bytes.fromHexString("0x70a08231"); // balanceOf(address)
  private static final Bytes ADDRESS_PADDING = Bytes.wrap(new byte[12]);

  private Erc20() {}

  /** The creation code: init code followed by the ABI-encoded {@code supply}. */
  public static Bytes benchTokenDeployment(UInt256 supply) {
    String hex;
    try (InputStream in = Erc20.class.getResourceAsStream(BENCH_TOKEN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BENCH_TOKEN_RESOURCE);
      }
      hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BENCH_TOKEN_RESOURCE, e);
    }
    return Bytes.concatenate(Bytes.wrap(Hex.decodeLenient(hex)), Bytes.wrap(supply.toBytes32()));
  }

  /** {@code transfer(to, amount)}. */
  public static Bytes transfer(Address to, UInt256 amount) {
    return Bytes.concatenate(TRANSFER, ADDRESS_PADDING, to.bytes(), Bytes.wrap(amount.toBytes32()));
  }

  /** {@code balanceOf(owner)}. */
  public static Bytes balanceOf(Address owner) {
    return Bytes.concatenate(BALANCE_OF, ADDRESS_PADDING, owner.bytes());
  }
}
