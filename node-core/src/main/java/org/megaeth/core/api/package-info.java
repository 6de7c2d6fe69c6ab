/**
 * The narrow, read-mostly interfaces through which JSON-RPC (and any other client-facing API) sees
 * a node: {@link org.megaeth.core.api.ChainReader} for sealed blocks, {@link
 * org.megaeth.core.api.StateReader} for account state, {@link org.megaeth.core.api.TransactionSink}
 * for submitting transactions and {@link org.megaeth.core.api.ChainEvents} for what is new. The
 * sequencer and the full node implement them; the rpc module depends only on them, never on a
 * role's internals.
 *
 * <p>Mini-block rules (DESIGN.md section 2, docs/rpc.md): state at {@link
 * org.megaeth.core.api.BlockRef.Newest} includes the newest mini-block, while {@link
 * org.megaeth.core.api.ChainReader} serves sealed blocks only, so a value read through it never
 * changes afterwards.
 */
package org.megaeth.core.api;
