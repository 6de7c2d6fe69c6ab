/** The {@code net} namespace. */
package org.megaeth.rpc.method.net;
