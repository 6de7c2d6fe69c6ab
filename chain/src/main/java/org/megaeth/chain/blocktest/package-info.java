/** Runs ethereum/tests BlockchainTests through the node's block executor. */
package org.megaeth.chain.blocktest;
