/**
 * Block execution, shared by every role: header validation against the parent, system calls,
 * transactions, withdrawals, roots, the state diff and the witness (DESIGN.md section 3).
 */
package org.megaeth.chain.exec;
