/** The full-node role: applies state diffs from the sequencer and serves JSON-RPC. */
package org.megaeth.fullnode;
