/** The {@code web3} namespace. */
package org.megaeth.rpc.method.web3;
