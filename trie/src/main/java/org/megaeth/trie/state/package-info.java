/**
 * World state over Merkle-Patricia tries: accounts, one storage trie per account, contract code,
 * flat maps for reads, a journal for reverts, witnesses and stateless replay.
 */
package org.megaeth.trie.state;
