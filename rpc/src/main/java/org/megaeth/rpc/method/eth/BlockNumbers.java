package org.megaeth.rpc.method.eth;

import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.Params;

/** Parameters that take a block number or tag but no hash ({@code ...ByNumber} methods). */
final class BlockNumbers {
  private BlockNumbers() {}

  static BlockParameter numberOrTag(Params params, int index) throws JsonRpcException {
    BlockParameter block = params.block(index);
    if (block instanceof BlockParameter.ByHash) {
      throw Params.invalid(index, "hex number > 64 bits");
    }
    return block;
  }
}
