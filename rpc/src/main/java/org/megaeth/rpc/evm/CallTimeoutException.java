package org.megaeth.rpc.evm;

/**
 * Thrown from inside the EVM by {@link DeadlineTracer} to stop a call that ran past its time limit.
 * Stackless: it is control flow, thrown on a hot path (STYLE.md section 1).
 */
final class CallTimeoutException extends RuntimeException {
  CallTimeoutException() {
    super("execution aborted (timeout)", null, false, false);
  }
}
