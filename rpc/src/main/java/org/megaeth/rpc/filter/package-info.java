/**
 * Log queries and filters: {@code eth_getLogs} with its range and result caps, the polled filters
 * of {@code eth_newFilter} and friends, and the log matching shared with subscriptions.
 */
package org.megaeth.rpc.filter;
