/**
 * Chain events for clients: the dispatcher that takes events off the producer's thread, and the
 * WebSocket subscriptions ({@code newHeads}, {@code logs}, {@code newPendingTransactions}, {@code
 * miniBlocks}).
 */
package org.megaeth.rpc.subscription;
