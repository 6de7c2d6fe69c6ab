/** Block 0 and its state, built from a geth-format genesis the way geth builds them. */
package org.megaeth.chain.genesis;
