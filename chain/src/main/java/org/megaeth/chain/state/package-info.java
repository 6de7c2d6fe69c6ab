/** The world state as block execution sees it: the EVM's view over the trie-backed state. */
package org.megaeth.chain.state;
