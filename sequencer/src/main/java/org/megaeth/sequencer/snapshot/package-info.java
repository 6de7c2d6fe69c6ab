/**
 * State snapshots: the whole world state of one block in a checksummed file, written in the
 * background from a frozen view and loaded at restart before the write-ahead log is replayed.
 */
package org.megaeth.sequencer.snapshot;
