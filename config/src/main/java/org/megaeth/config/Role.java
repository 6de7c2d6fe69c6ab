package org.megaeth.config;

/** Which kind of node this process runs (DESIGN.md section 1). */
public enum Role {
  SEQUENCER,
  PROVER,
  FULLNODE
}
