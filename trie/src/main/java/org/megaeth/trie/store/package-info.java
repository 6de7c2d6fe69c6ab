/**
 * Where committed trie nodes live: the {@link org.megaeth.trie.store.NodeStore} interface and an
 * in-memory implementation. The RocksDB implementation lives in the storage layer above.
 */
package org.megaeth.trie.store;
