/**
 * How blocks, transactions, receipts and logs look on the wire: field for field as geth writes
 * them, since ethers, viem, web3j and Foundry parse geth's shapes.
 */
package org.megaeth.rpc.format;
