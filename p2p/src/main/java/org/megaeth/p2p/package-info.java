/** Peer-to-peer transport and protocol. */
package org.megaeth.p2p;
