package org.megaeth.evm.frame;

/** What started a frame. */
public enum MessageKind {
  CALL,
  CALLCODE,
  DELEGATECALL,
  STATICCALL,
  CREATE,
  CREATE2;

  public boolean isCreate() {
    return this == CREATE || this == CREATE2;
  }
}
