package org.megaeth.config;

import java.util.Objects;
import org.megaeth.core.fork.Fork;

/**
 * The {@code --dev} preset: a throw-away chain whose genesis funds accounts derived from a
 * mnemonic, as anvil and Hardhat do.
 *
 * @param enabled whether the node runs the dev chain instead of a genesis file
 * @param accounts how many accounts to derive and fund
 * @param mnemonic the BIP-39 mnemonic the accounts come from
 * @param balanceEth each account's genesis balance, in ether
 * @param fork the newest fork active at genesis (all earlier ones are active too)
 */
public record DevOptions(
    boolean enabled, int accounts, String mnemonic, long balanceEth, Fork fork) {
  public DevOptions {
    Objects.requireNonNull(mnemonic, "mnemonic");
    Objects.requireNonNull(fork, "fork");
  }

  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled)
        .accounts(accounts)
        .mnemonic(mnemonic)
        .balanceEth(balanceEth)
        .fork(fork);
  }

  /** A custom mnemonic may be a real wallet's: it never reaches a log line through toString. */
  @Override
  public String toString() {
    String shown = mnemonic.equals(Defaults.DEV_MNEMONIC) ? mnemonic : "<redacted>";
    return "DevOptions[enabled=%s, accounts=%d, mnemonic=%s, balanceEth=%d, fork=%s]"
        .formatted(enabled, accounts, shown, balanceEth, fork);
  }

  /** Starts from {@link Defaults}; {@link NodeOptions.Builder#build()} validates. */
  public static final class Builder {
    private boolean enabled = Defaults.DEV_ENABLED;
    private int accounts = Defaults.DEV_ACCOUNTS;
    private String mnemonic = Defaults.DEV_MNEMONIC;
    private long balanceEth = Defaults.DEV_BALANCE_ETH;
    private Fork fork = Defaults.DEV_FORK;

    Builder() {}

    public Builder enabled(boolean value) {
      this.enabled = value;
      return this;
    }

    public Builder accounts(int value) {
      this.accounts = value;
      return this;
    }

    public Builder mnemonic(String value) {
      this.mnemonic = Objects.requireNonNull(value, "mnemonic");
      return this;
    }

    public Builder balanceEth(long value) {
      this.balanceEth = value;
      return this;
    }

    public Builder fork(Fork value) {
      this.fork = Objects.requireNonNull(value, "fork");
      return this;
    }

    public DevOptions build() {
      return new DevOptions(enabled, accounts, mnemonic, balanceEth, fork);
    }
  }
}
