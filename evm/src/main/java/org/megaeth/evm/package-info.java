/**
 * The EVM: interpreter, gas, precompiles, frames, transaction processing. Does no I/O and owns no
 * threads.
 */
package org.megaeth.evm;
