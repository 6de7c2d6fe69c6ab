/**
 * Running the EVM for clients: {@code eth_call}, {@code eth_estimateGas} and {@code
 * eth_createAccessList} over a copy-on-write view of a state, with state and block overrides, a gas
 * cap and a time limit, on a bounded executor.
 */
package org.megaeth.rpc.evm;
