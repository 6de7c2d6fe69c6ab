/**
 * Merkle-Patricia trie: hashing, proofs, witnesses, partial tries. Does no I/O and owns no threads.
 */
package org.megaeth.trie;
