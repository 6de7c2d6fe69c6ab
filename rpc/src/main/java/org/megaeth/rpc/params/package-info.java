/**
 * The shared parser of method parameters: positional arguments, hex quantities and data, block
 * parameters (tags, numbers, EIP-1898 objects), with geth's error messages.
 */
package org.megaeth.rpc.params;
