/** JSON-RPC methods, one final class per method, grouped in packages by namespace. */
package org.megaeth.rpc.method;
