package org.megaeth.config.dev;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.megaeth.config.ConfigException;
import org.megaeth.config.hd.Bip39;
import org.megaeth.config.hd.ExtendedKey;
import org.megaeth.core.crypto.KeyPair;

/**
 * Derives dev accounts from a BIP-39 mnemonic along {@code m/44'/60'/0'/0/i}, the path of anvil,
 * Hardhat, MetaMask and Ledger Live: with the standard test mnemonic, account 0 is {@code
 * 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266} as every Ethereum developer has seen it.
 */
public final class DevAccounts {
  /** BIP-44 for Ethereum (coin type 60), external chain of account 0; the index follows. */
  public static final String DERIVATION_PATH = "m/44'/60'/0'/0";

  private DevAccounts() {}

  /**
   * The first {@code count} accounts of {@code mnemonic} (with an optional BIP-39 passphrase, empty
   * for anvil's accounts).
   *
   * @throws ConfigException when the mnemonic has a wrong word count, an unknown word or a bad
   *     checksum; the message names {@code dev.mnemonic} and never repeats the mnemonic
   */
  public static List<DevAccount> derive(String mnemonic, String passphrase, int count)
      throws ConfigException {
    if (count < 0) {
      throw new IllegalArgumentException("account count must not be negative, got " + count);
    }
    Optional<String> problem = Bip39.findProblem(mnemonic);
    if (problem.isPresent()) {
      throw new ConfigException("dev.mnemonic " + problem.get());
    }
    ExtendedKey chain =
        ExtendedKey.master(Bip39.seed(mnemonic, passphrase)).derive(DERIVATION_PATH);
    List<DevAccount> accounts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      accounts.add(new DevAccount(i, KeyPair.of(chain.child(i).secretKey())));
    }
    return List.copyOf(accounts);
  }
}
