/**
 * The chain on disk: blocks, receipts, state diffs and witnesses in RocksDB ({@link
 * org.megaeth.chain.store.ChainStore}), the chain file format that {@code import} reads, and the
 * head state rebuilt from stored diffs.
 */
package org.megaeth.chain.store;
