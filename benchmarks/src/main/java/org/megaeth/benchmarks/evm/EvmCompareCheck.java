package org.megaeth.benchmarks.evm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.precompile.Precompile;
import org.megaeth.evm.precompile.PrecompileResult;
import org.megaeth.evm.tx.TransactionResult;

/**
 * Runs the start of every benchmark sequence once and prints, one JSON object per line, what the
 * EVM did: setup gas, gas and output of each measured transaction (as a digest), and probes of the
 * state afterwards. {@code evm-compare/ethereumjs-bench.mjs --check} prints the same for
 * ethereumjs, and {@code evm-compare/run.sh} insists the two agree, so the throughput figures
 * compare the same work.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.megaeth.benchmarks.evm.EvmCompareCheck}
 */
public final class EvmCompareCheck {
  static final int ERC20_HOLDERS = 10_000;
  static final int ERC20_OPS = 2_000;
  static final int UNISWAP_SWAPPERS = 101;
  static final int UNISWAP_OPS = 500;
  static final int COMPUTE_OPS = 2;

  private EvmCompareCheck() {}

  public static void main(String[] args) {
    System.out.println(erc20());
    System.out.println(uniswap());
    System.out.println(compute("keccak"));
    System.out.println(compute("raytracer"));
    System.out.println(precompiles());
  }

  /** What a run of measured transactions did, condensed. */
  private static final class Trace {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Long> firstGas = new ArrayList<>();
    private long ops;
    private long gas;
    private byte[] lastOutput = new byte[0];

    void add(TransactionResult.Executed r) {
      byte[] g = new byte[8];
      for (int i = 0; i < 8; i++) {
        g[i] = (byte) (r.gasUsed() >>> (56 - 8 * i));
      }
      bytes.writeBytes(g);
      bytes.write(r.success() ? 1 : 0);
      bytes.writeBytes(r.output());
      if (firstGas.size() < 4) {
        firstGas.add(r.gasUsed());
      }
      ops++;
      gas += r.gasUsed();
      lastOutput = r.output();
    }

    void putInto(Map<String, Object> json) {
      json.put("ops", ops);
      json.put("gasTotal", gas);
      json.put("firstGas", firstGas);
      json.put("lastOutput", Hex.encode(lastOutput));
      json.put("digest", Hex.encode(Keccak.keccak256(bytes.toByteArray())));
    }
  }

  static String erc20() {
    Erc20Workload w = new Erc20Workload(ERC20_HOLDERS);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", "erc20_transfer");
    json.put("setupGas", w.chain.gasUsedTotal);
    Trace trace = new Trace();
    for (int i = 0; i < ERC20_OPS; i++) {
      trace.add(w.chain.execute(w.next()));
    }
    trace.putInto(json);
    Map<String, Object> probes = new LinkedHashMap<>();
    probes.put("token", w.token.toHexString());
    for (int i : new int[] {0, 1, 2, ERC20_OPS - 1, ERC20_HOLDERS - 1}) {
      probes.put("balanceOf(holder" + i + ")", w.chain.balanceOf(w.token, w.holders[i]).toString());
    }
    probes.put("eth(holder0)", w.chain.world.getBalance(w.holders[0]).toString());
    probes.put("eth(coinbase)", w.chain.world.getBalance(EvmChain.COINBASE).toString());
    json.put("probes", probes);
    return toJson(json);
  }

  static String uniswap() {
    UniswapV2Workload w = new UniswapV2Workload(UNISWAP_SWAPPERS);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", "uniswap_v2_swap");
    json.put("setupGas", w.chain.gasUsedTotal);
    Trace trace = new Trace();
    for (int i = 0; i < UNISWAP_OPS; i++) {
      trace.add(w.chain.execute(w.next()));
    }
    trace.putInto(json);
    Map<String, Object> probes = new LinkedHashMap<>();
    probes.put("pair", w.pair.toHexString());
    byte[] reserves = w.chain.view(w.pair, Abi.call("getReserves()"));
    probes.put("reserve0", Abi.uint(reserves, 0).toString());
    probes.put("reserve1", Abi.uint(reserves, 1).toString());
    probes.put("A.balanceOf(swapper0)", w.chain.balanceOf(w.tokenA, w.swappers[0]).toString());
    probes.put("B.balanceOf(swapper0)", w.chain.balanceOf(w.tokenB, w.swappers[0]).toString());
    probes.put("eth(coinbase)", w.chain.world.getBalance(EvmChain.COINBASE).toString());
    json.put("probes", probes);
    return toJson(json);
  }

  static String compute(String kind) {
    ComputeWorkload w = new ComputeWorkload(kind);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", kind);
    json.put("setupGas", w.chain.gasUsedTotal);
    Trace trace = new Trace();
    for (int i = 0; i < COMPUTE_OPS; i++) {
      trace.add(w.chain.execute(w.next()));
    }
    trace.putInto(json);
    Map<String, Object> probes = new LinkedHashMap<>();
    probes.put("contract", w.contract.toHexString());
    probes.put("eth(caller)", w.chain.world.getBalance(w.caller).toString());
    json.put("probes", probes);
    return toJson(json);
  }

  static String precompiles() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workload", "precompiles");
    Map<String, Object> results = new LinkedHashMap<>();
    Map<Address, Precompile> set = EvmSpec.of(EvmChain.FORK).precompiles();
    for (Contracts.PrecompileInput in : Contracts.precompileInputs()) {
      Precompile p = set.get(Address.ofNumber(in.address()));
      PrecompileResult r = p.execute(in.input());
      results.put(in.name(), List.of(p.gasCost(in.input()), r.success(), Hex.encode(r.output())));
    }
    json.put("results", results);
    return toJson(json);
  }

  private static String toJson(Object value) {
    return switch (value) {
      case Map<?, ?> map -> {
        List<String> entries = new ArrayList<>();
        map.forEach((k, v) -> entries.add(toJson(k.toString()) + ":" + toJson(v)));
        yield "{" + String.join(",", entries) + "}";
      }
      case List<?> list ->
          "[" + String.join(",", list.stream().map(EvmCompareCheck::toJson).toList()) + "]";
      case String s -> "\"" + s + "\"";
      case UInt256 u -> "\"" + u + "\"";
      default -> String.valueOf(value);
    };
  }
}
