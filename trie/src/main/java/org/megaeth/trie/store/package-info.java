/**
 * Where committed trie nodes live: the {@link org.megaeth.trie.store.NodeStore} interface and an
 * in-memory implementation, and for a whole world state the {@link
 * org.megaeth.trie.store.StateStore} it is read from and the {@link
 * org.megaeth.trie.store.StateBatch} of one block's writes. The RocksDB implementations live in the
 * storage layer above (the chain database implements {@code StateStore}).
 */
package org.megaeth.trie.store;
