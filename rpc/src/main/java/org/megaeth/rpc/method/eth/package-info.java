/** The {@code eth} namespace (and MegaETH's {@code realtime} variants of its methods). */
package org.megaeth.rpc.method.eth;
