package org.megaeth.config.dev;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.config.ConfigException;
import org.megaeth.config.Defaults;
import org.megaeth.config.DevOptions;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.genesis.BlobParams;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisAccount;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * The {@code --dev} chain: what anvil gives a developer, on this node. Chain id 1337 (unless {@code
 * chain-id} says otherwise), every fork through {@code dev.fork} (Cancun by default) active at
 * genesis, the accounts of {@code dev.mnemonic} funded with {@code dev.balance} ether each, the
 * sequencer's block gas limit, and a 1 gwei base fee. The genesis is the same on every run, so a
 * full node started with {@code --dev} follows a dev sequencer without a genesis file.
 *
 * @param chainId the dev chain's id
 * @param fork the newest fork active at genesis
 * @param gasLimit the genesis gas limit ({@code sequencer.block-gas-limit})
 * @param balance each account's genesis balance
 * @param mnemonic the mnemonic the accounts come from, for the banner
 * @param accounts the funded accounts
 */
public record DevPreset(
    long chainId,
    Fork fork,
    long gasLimit,
    Wei balance,
    String mnemonic,
    List<DevAccount> accounts) {
  /**
   * EIP-1559's initial base fee, and anvil's default: low enough that any test transaction pays it,
   * high enough that fee logic is exercised rather than zero.
   */
  public static final Wei BASE_FEE = Genesis.INITIAL_BASE_FEE;

  public DevPreset {
    Objects.requireNonNull(fork, "fork");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(mnemonic, "mnemonic");
    accounts = List.copyOf(accounts);
  }

  /**
   * The preset for {@code options} (its {@code dev.*} options, {@code chain-id} and {@code
   * sequencer.block-gas-limit}), with the accounts derived.
   *
   * @throws ConfigException when {@code dev.mnemonic} is not a valid BIP-39 mnemonic
   */
  public static DevPreset of(NodeOptions options) throws ConfigException {
    DevOptions dev = options.dev();
    List<DevAccount> accounts = DevAccounts.derive(dev.mnemonic(), "", dev.accounts());
    return new DevPreset(
        options.chainId().orElse(Defaults.DEV_CHAIN_ID),
        dev.fork(),
        options.sequencer().blockGasLimit(),
        Wei.fromEth(dev.balanceEth()),
        dev.mnemonic(),
        accounts);
  }

  /** The dev genesis. Deterministic: the same preset always gives the same genesis. */
  public Genesis genesis() {
    Map<Address, GenesisAccount> alloc = new TreeMap<>();
    for (DevAccount account : accounts) {
      alloc.put(account.address(), GenesisAccount.funded(balance));
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      alloc.put(SystemContracts.BEACON_ROOTS, systemContract(SystemContracts.BEACON_ROOTS_CODE));
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      alloc.put(
          SystemContracts.HISTORY_STORAGE, systemContract(SystemContracts.HISTORY_STORAGE_CODE));
      alloc.put(
          SystemContracts.WITHDRAWAL_REQUESTS,
          systemContract(SystemContracts.WITHDRAWAL_REQUESTS_CODE));
      alloc.put(
          SystemContracts.CONSOLIDATION_REQUESTS,
          systemContract(SystemContracts.CONSOLIDATION_REQUESTS_CODE));
    }
    boolean cancun = fork.isAtLeast(Fork.CANCUN);
    return new Genesis(
        new ChainConfig(chainId, ForkSchedule.allFromGenesis(fork)),
        // Merged from the start, written as geth writes such a chain.
        Optional.of(UInt256.ZERO),
        blobSchedule(),
        alloc,
        0,
        // Timestamp 0 keeps the genesis hash the same on every run; block 1 takes the wall clock.
        0,
        Bytes.EMPTY,
        gasLimit,
        UInt256.ZERO,
        Hash.ZERO,
        Address.ZERO,
        0,
        0,
        Hash.ZERO,
        Optional.of(BASE_FEE),
        cancun ? Optional.of(0L) : Optional.empty(),
        cancun ? Optional.of(0L) : Optional.empty());
  }

  /**
   * The accounts and chain facts as anvil prints them at start, for the CLI to show on the console.
   * It contains the private keys: print it to the terminal, never to a log.
   */
  public String banner() {
    StringBuilder out = new StringBuilder();
    section(out, "Available Accounts");
    for (DevAccount account : accounts) {
      out.append('(')
          .append(account.index())
          .append(") ")
          .append(account.address().toChecksumString())
          .append(" (")
          .append(balance.toEthString())
          .append(" ETH)\n");
    }
    section(out, "Private Keys");
    for (DevAccount account : accounts) {
      out.append('(')
          .append(account.index())
          .append(") ")
          .append(account.secretKey().toHexString())
          .append('\n');
    }
    section(out, "Wallet");
    out.append("Mnemonic:          ").append(mnemonic).append('\n');
    out.append("Derivation path:   ").append(DevAccounts.DERIVATION_PATH).append("/\n");
    section(out, "Chain ID");
    out.append(chainId).append('\n');
    section(out, "Fork");
    out.append(fork.name().charAt(0))
        .append(fork.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '))
        .append('\n');
    section(out, "Base Fee");
    out.append(BASE_FEE.value().toDecimalString()).append('\n');
    section(out, "Gas Limit");
    out.append(gasLimit).append('\n');
    return out.toString();
  }

  /** A custom mnemonic may be a real wallet's: it never reaches a log line through toString. */
  @Override
  public String toString() {
    return "DevPreset[chainId=%d, fork=%s, gasLimit=%d, accounts=%d]"
        .formatted(chainId, fork, gasLimit, accounts.size());
  }

  private Map<String, BlobParams> blobSchedule() {
    Map<String, BlobParams> schedule = new TreeMap<>();
    if (fork.isAtLeast(Fork.CANCUN)) {
      schedule.put("cancun", BlobParams.CANCUN);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      schedule.put("prague", BlobParams.PRAGUE);
    }
    if (fork.isAtLeast(Fork.OSAKA)) {
      schedule.put(
          "osaka", BlobParams.PRAGUE); // Osaka keeps Prague's values (geth, execution-apis)
    }
    return schedule;
  }

  /** Deployed as geth's dev mode does: nonce 1 (EIP-161 non-empty), no balance. */
  private static GenesisAccount systemContract(Bytes code) {
    return new GenesisAccount(Wei.ZERO, 1, code, Map.of());
  }

  private static void section(StringBuilder out, String title) {
    if (!out.isEmpty()) {
      out.append('\n');
    }
    out.append(title).append('\n').append("==================\n\n");
  }
}
