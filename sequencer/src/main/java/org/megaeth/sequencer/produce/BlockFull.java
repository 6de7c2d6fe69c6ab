package org.megaeth.sequencer.produce;

/**
 * Tells a transaction skipped because the block is full from one skipped because it is invalid: the
 * first waits in the pool for the next block, the second leaves it. The words are the block
 * builder's ("gas limit 21000, the block has 0 left").
 */
final class BlockFull {
  private BlockFull() {}

  static boolean is(String reason) {
    return reason.contains("the block has") && reason.endsWith(" left");
  }
}
