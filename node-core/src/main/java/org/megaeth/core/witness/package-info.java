/** The execution witness of a block: what a stateless verifier needs (DESIGN.md section 4). */
package org.megaeth.core.witness;
