/** JSON-RPC 2.0 envelopes and errors, and the shared Jackson tree-model setup. */
package org.megaeth.rpc.json;
