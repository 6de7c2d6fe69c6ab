/** The sequencer's transaction pool: admission, nonce order, replacement, limits, selection. */
package org.megaeth.sequencer.mempool;
