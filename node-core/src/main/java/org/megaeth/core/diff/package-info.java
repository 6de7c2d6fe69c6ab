/**
 * The state diff of a block or mini-block: what full nodes apply instead of re-executing (DESIGN.md
 * section 4), its model and its versioned binary encoding.
 */
package org.megaeth.core.diff;
