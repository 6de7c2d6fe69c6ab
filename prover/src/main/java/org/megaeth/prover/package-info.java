/** The stateless prover role: re-executes blocks from witnesses and signs attestations. */
package org.megaeth.prover;
