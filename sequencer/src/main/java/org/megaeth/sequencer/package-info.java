/** The sequencer role: mempool, mini-blocks, blocks, durable log. */
package org.megaeth.sequencer;
