/**
 * The Merkle-Patricia trie: plain and secure forms, incremental and parallel hashing, {@code
 * eth_getProof} proofs, witness recording and stateless partial tries. No I/O, no threads of its
 * own.
 */
package org.megaeth.trie.patricia;
