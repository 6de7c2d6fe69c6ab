/**
 * The sequencer's write-ahead log: typed records in segmented append-only files, made durable by a
 * log thread with group commit, read back for replay after a crash.
 */
package org.megaeth.sequencer.wal;
