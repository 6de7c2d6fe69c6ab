package org.megaeth.rpc.method.debug;

import org.megaeth.rpc.params.BlockParameter;

/** geth's "not found" words for the debug methods. */
final class Missing {
  private Missing() {}

  static String describe(String what, BlockParameter block) {
    return switch (block) {
      case BlockParameter.Number n -> what + " #" + n.number() + " not found";
      case BlockParameter.ByHash h -> what + " " + h.hash() + " not found";
      case BlockParameter.Tag t -> what + " " + t.wireName() + " not found";
    };
  }
}
