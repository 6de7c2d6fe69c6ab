package org.megaeth.evm.operation;

import java.util.List;
import org.megaeth.core.types.Hash;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** BLOBHASH (0x49): The transaction's i-th blob versioned hash, else 0 (EIP-4844). */
public final class BlobHashOperation {
  public static final int OPCODE = 0x49;
  public static final String MNEMONIC = "BLOBHASH";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private BlobHashOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    List<Hash> hashes = frame.env.tx.blobHashes();
    if (Limbs.fitsLong(s, a) && s[a] < hashes.size()) {
      Words.set(s, a, hashes.get((int) s[a]));
    } else {
      Limbs.setZero(s, a);
    }
    return Exit.CONTINUE;
  }
}
