package org.megaeth.config.dev;

import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;

/**
 * The system contracts a dev genesis must hold for the forks it activates, with the exact runtime
 * code of their EIPs (the same code geth's dev mode and the execution-apis test genesis deploy).
 * Block processing calls them every block; a Prague block is invalid if the request contracts are
 * missing (EIP-7002, EIP-7251).
 */
final class SystemContracts {
  /** EIP-4788 (Cancun): beacon block roots. */
  static final Address BEACON_ROOTS = Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02");

  static final Bytes BEACON_ROOTS_CODE =
      Bytes.fromHexString(
          "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f3580156049"
              + "5762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281"
              + "555f359062001fff015500");

  /** EIP-2935 (Prague): historical block hashes. */
  static final Address HISTORY_STORAGE =
      Address.fromHex("0x0000f90827f1c53a10cb7a02335b175320002935");

  static final Bytes HISTORY_STORAGE_CODE =
      Bytes.fromHexString(
          "0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f356001430381116042"
              + "57611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500");

  /** EIP-7002 (Prague): execution-layer withdrawal requests. */
  static final Address WITHDRAWAL_REQUESTS =
      Address.fromHex("0x00000961ef480eb55e80d19ad83579a64c007002");

  static final Bytes WITHDRAWAL_REQUESTS_CODE =
      Bytes.fromHexString(
          "0x3373fffffffffffffffffffffffffffffffffffffffe1460cb5760115f54807fffffffffffffffffffffff"
              + "ffffffffffffffffffffffffffffffffffffffffff146101f457600182026001905f5b5f821115606857"
              + "81019083028483029004916001019190604d565b909390049250505036603814608857366101f45734"
              + "6101f4575f5260205ff35b34106101f457600154600101600155600354806003026004013381556001"
              + "015f35815560010160203590553360601b5f5260385f601437604c5fa0600101600355005b60035460"
              + "02548082038060101160df575060105b5f5b8181146101835782810160030260040181604c02815460"
              + "601b8152601401816001015481526020019060020154807fffffffffffffffffffffffffffffffff00"
              + "000000000000000000000000000000168252906010019060401c908160381c81600701538160301c81"
              + "600601538160281c81600501538160201c81600401538160181c81600301538160101c816002015381"
              + "60081c81600101535360010160e1565b910180921461019557906002556101a0565b90505f6002555f"
              + "6003555b5f54807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff14"
              + "156101cd57505f5b6001546002828201116101e25750505f6101e8565b01600290035b5f555f600155"
              + "604c025ff35b5f5ffd");

  /** EIP-7251 (Prague): consolidation requests. */
  static final Address CONSOLIDATION_REQUESTS =
      Address.fromHex("0x0000bbddc7ce488642fb579f8b00f3a590007251");

  static final Bytes CONSOLIDATION_REQUESTS_CODE =
      Bytes.fromHexString(
          "0x3373fffffffffffffffffffffffffffffffffffffffe1460d35760115f54807fffffffffffffffffffffff"
              + "ffffffffffffffffffffffffffffffffffffffffff1461019a57600182026001905f5b5f821115606857"
              + "81019083028483029004916001019190604d565b9093900492505050366060146088573661019a5734"
              + "61019a575f5260205ff35b341061019a57600154600101600155600354806004026004013381556001"
              + "015f358155600101602035815560010160403590553360601b5f5260605f60143760745fa060010160"
              + "0355005b6003546002548082038060021160e7575060025b5f5b8181146101295782810160040260"
              + "040181607402815460601b815260140181600101548152602001816002015481526020019060030154"
              + "905260010160e9565b910180921461013b5790600255610146565b90505f6002555f6003555b5f5480"
              + "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff141561017357505f"
              + "5b6001546001828201116101885750505f61018e565b01600190035b5f555f6001556074025ff35b5f"
              + "5ffd");

  private SystemContracts() {}
}
