/**
 * Helpers over {@link org.megaeth.core.api.ChainReader} shared by the methods: block parameters to
 * blocks and states, receipts with their derived fields, senders, fees.
 */
package org.megaeth.rpc.chain;
