/** The {@code debug} namespace (off by default): raw encodings and execution witnesses. */
package org.megaeth.rpc.method.debug;
