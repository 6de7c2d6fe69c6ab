/**
 * Parallel execution of a mini-block's transactions with exactly the serial outcome: optimistic
 * execution ahead of each transaction's turn, checked and committed in order ({@link
 * org.megaeth.chain.parallel.ParallelExecutor}), over a concurrent overlay of the block's state
 * ({@link org.megaeth.chain.parallel.ConcurrentOverlay}).
 */
package org.megaeth.chain.parallel;
