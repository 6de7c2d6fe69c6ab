package org.megaeth.loadgen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.types.Wei;

/**
 * What one load-generator run does. The constructor rejects values that cannot work with an {@link
 * IllegalArgumentException} whose message names the option, so the CLI can print it as it is.
 *
 * @param rpc the node's JSON-RPC endpoint: {@code http(s)://} or {@code ws(s)://}; the scheme is
 *     switched to match {@code transport} (nodes serve both on one port)
 * @param transport how the transfers are submitted; setup and block polling use a connection of
 *     their own over the same transport
 * @param method {@code eth_sendRawTransaction} or {@code eth_sendRawTransactionSync}
 * @param rate transfers per second to submit at; 0 submits as fast as the node answers
 * @param concurrency the most transfers in flight at once
 * @param batch transfers per JSON-RPC message: 1 sends each call alone, more sends them as JSON-RPC
 *     batches of this size (the node answers each batch with one message)
 * @param senders how many funded accounts sign the transfers, in turn
 * @param transactions how many transfers to submit
 * @param funderKeyFile a key file (64 hex digits, owner-only) of the account that pays for the
 *     setup; empty for account 0 of the standard test mnemonic
 * @param seed the senders' keys are derived from it, so a run can be repeated with the same ones
 * @param maxFeePerGas the transfers' fee cap; empty for three times the next base fee plus the tip
 * @param maxPriorityFeePerGas the transfers' tip; empty for the node's {@code
 *     eth_maxPriorityFeePerGas}
 * @param inclusionTimeout how long to wait for more transfers to be included before giving up
 * @param connections WebSocket connections the load is spread over (the WebSocket transport only)
 * @param label the node's name in the summary; empty for the client name the node reports
 * @param receiptSample how many receipts of included transfers to fetch and check
 */
public record BenchConfig(
    URI rpc,
    Transport transport,
    SubmitMethod method,
    double rate,
    int concurrency,
    int batch,
    int senders,
    int transactions,
    Optional<Path> funderKeyFile,
    String seed,
    Optional<Wei> maxFeePerGas,
    Optional<Wei> maxPriorityFeePerGas,
    Duration inclusionTimeout,
    int connections,
    Optional<String> label,
    int receiptSample) {

  public static final URI DEFAULT_RPC = URI.create("http://127.0.0.1:8545");
  public static final String DEFAULT_SEED = "megaeth-bench";

  /** More in flight than this is a mistake: each HTTP request holds a connection of its own. */
  public static final int MAX_CONCURRENCY = 10_000;

  /** The pre-signed load is held in memory (about 1 KB per transfer). */
  public static final int MAX_TRANSACTIONS = 10_000_000;

  public static final int MAX_CONNECTIONS = 64;

  /** geth's and this node's default batch limit is 1,000 calls. */
  public static final int MAX_BATCH = 1_000;

  public BenchConfig {
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(funderKeyFile, "funderKeyFile");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(inclusionTimeout, "inclusionTimeout");
    Objects.requireNonNull(label, "label");
    checkEndpoint(rpc);
    if (!Double.isFinite(rate) || rate < 0) {
      throw new IllegalArgumentException(
          "--rate must be a number of transactions per second, 0 for as fast as possible; got "
              + rate);
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "--concurrency must be between 1 and " + MAX_CONCURRENCY + "; got " + concurrency);
    }
    if (batch < 1 || batch > MAX_BATCH) {
      throw new IllegalArgumentException(
          "--batch must be between 1 and " + MAX_BATCH + "; got " + batch);
    }
    if (batch > concurrency) {
      throw new IllegalArgumentException(
          "--batch ("
              + batch
              + ") must not exceed --concurrency ("
              + concurrency
              + "): a batch's transfers are all in flight together");
    }
    if (senders < 1) {
      throw new IllegalArgumentException("--senders must be at least 1; got " + senders);
    }
    if (transactions < 1 || transactions > MAX_TRANSACTIONS) {
      throw new IllegalArgumentException(
          "--transactions must be between 1 and " + MAX_TRANSACTIONS + "; got " + transactions);
    }
    if (senders > transactions) {
      throw new IllegalArgumentException(
          "--senders ("
              + senders
              + ") must not exceed --transactions ("
              + transactions
              + "): every sender signs at least one transfer");
    }
    if (seed.isEmpty()) {
      throw new IllegalArgumentException("--seed must not be empty");
    }
    if (inclusionTimeout.isNegative() || inclusionTimeout.isZero()) {
      throw new IllegalArgumentException("--timeout must be positive; got " + inclusionTimeout);
    }
    if (connections < 1 || connections > MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "--connections must be between 1 and " + MAX_CONNECTIONS + "; got " + connections);
    }
    if (receiptSample < 0) {
      throw new IllegalArgumentException("--receipt-sample must not be negative");
    }
    if (maxFeePerGas.isPresent()
        && maxPriorityFeePerGas.isPresent()
        && maxPriorityFeePerGas.get().compareTo(maxFeePerGas.get()) > 0) {
      throw new IllegalArgumentException("--priority-fee must not exceed --gas-price");
    }
  }

  /** The defaults: 100 senders, 10,000 transfers, 64 in flight, over HTTP with {@code send}. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@link #rpc} with the scheme of {@link #transport} (TLS kept when the URL had it). */
  public URI endpoint() {
    String scheme = rpc.getScheme().toLowerCase(Locale.ROOT);
    boolean secure = scheme.equals("https") || scheme.equals("wss");
    String wanted =
        switch (transport) {
          case HTTP -> secure ? "https" : "http";
          case WS -> secure ? "wss" : "ws";
        };
    try {
      return new URI(
          wanted,
          rpc.getUserInfo(),
          rpc.getHost(),
          rpc.getPort(),
          rpc.getPath(),
          rpc.getQuery(),
          rpc.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a checked URI became invalid: " + rpc, e);
    }
  }

  /** The transport a URL's scheme implies: {@code ws(s)} for WebSocket, else HTTP. */
  public static Transport transportOf(URI rpc) {
    String scheme = rpc.getScheme() == null ? "" : rpc.getScheme().toLowerCase(Locale.ROOT);
    return scheme.startsWith("ws") ? Transport.WS : Transport.HTTP;
  }

  /**
   * Parses an endpoint given on the command line.
   *
   * @throws IllegalArgumentException naming {@code --rpc} when it is not an http(s) or ws(s) URL
   */
  public static URI parseEndpoint(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--rpc is not a URL: " + text);
    }
    checkEndpoint(uri);
    return uri;
  }

  private static void checkEndpoint(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http")
            || scheme.equals("https")
            || scheme.equals("ws")
            || scheme.equals("wss"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--rpc must be an http://, https://, ws:// or wss:// URL with a host, e.g. "
              + DEFAULT_RPC
              + "; got "
              + uri);
    }
  }

  /**
   * Parses an amount in gwei such as {@code 2}, {@code 0.5} or {@code 1e-3}.
   *
   * @throws IllegalArgumentException naming {@code option} when it is not a non-negative amount
   *     with at most 9 decimals (1 wei)
   */
  public static Wei parseGwei(String option, String text) {
    BigDecimal gwei;
    try {
      gwei = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " must be an amount in gwei, got \"" + text + "\"");
    }
    if (gwei.signum() < 0) {
      throw new IllegalArgumentException(option + " must not be negative, got " + text);
    }
    BigDecimal wei = gwei.movePointRight(9);
    BigInteger exact;
    try {
      exact = wei.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          option + " has more decimals than 1 wei (1e-9 gwei) allows: " + text);
    }
    if (exact.bitLength() > 128) {
      throw new IllegalArgumentException(option + " is too large: " + text);
    }
    return Wei.of(exact);
  }

  /** Builds a {@link BenchConfig}; {@link #build()} validates. */
  public static final class Builder {
    private URI rpc = DEFAULT_RPC;
    private Transport transport = Transport.HTTP;
    private SubmitMethod method = SubmitMethod.SEND;
    private double rate;
    private int concurrency = 64;
    private int batch = 1;
    private int senders = 100;
    private int transactions = 10_000;
    private Optional<Path> funderKeyFile = Optional.empty();
    private String seed = DEFAULT_SEED;
    private Optional<Wei> maxFeePerGas = Optional.empty();
    private Optional<Wei> maxPriorityFeePerGas = Optional.empty();
    private Duration inclusionTimeout = Duration.ofSeconds(30);
    private int connections = 2;
    private Optional<String> label = Optional.empty();
    private int receiptSample = 200;

    private Builder() {}

    public Builder rpc(URI value) {
      rpc = value;
      return this;
    }

    public Builder transport(Transport value) {
      transport = value;
      return this;
    }

    public Builder method(SubmitMethod value) {
      method = value;
      return this;
    }

    public Builder rate(double value) {
      rate = value;
      return this;
    }

    public Builder concurrency(int value) {
      concurrency = value;
      return this;
    }

    public Builder batch(int value) {
      batch = value;
      return this;
    }

    public Builder senders(int value) {
      senders = value;
      return this;
    }

    public Builder transactions(int value) {
      transactions = value;
      return this;
    }

    public Builder funderKeyFile(Optional<Path> value) {
      funderKeyFile = value;
      return this;
    }

    public Builder seed(String value) {
      seed = value;
      return this;
    }

    public Builder maxFeePerGas(Optional<Wei> value) {
      maxFeePerGas = value;
      return this;
    }

    public Builder maxPriorityFeePerGas(Optional<Wei> value) {
      maxPriorityFeePerGas = value;
      return this;
    }

    public Builder inclusionTimeout(Duration value) {
      inclusionTimeout = value;
      return this;
    }

    public Builder connections(int value) {
      connections = value;
      return this;
    }

    public Builder label(Optional<String> value) {
      label = value;
      return this;
    }

    public Builder receiptSample(int value) {
      receiptSample = value;
      return this;
    }

    public BenchConfig build() {
      return new BenchConfig(
          rpc,
          transport,
          method,
          rate,
          concurrency,
          batch,
          senders,
          transactions,
          funderKeyFile,
          seed,
          maxFeePerGas,
          maxPriorityFeePerGas,
          inclusionTimeout,
          connections,
          label,
          receiptSample);
    }
  }
}
