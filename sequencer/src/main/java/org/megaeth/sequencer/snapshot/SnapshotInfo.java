package org.megaeth.sequencer.snapshot;

import java.nio.file.Path;

/**
 * A snapshot file as written.
 *
 * @param sizeBytes the file's size, compressed
 */
public record SnapshotInfo(
    Path file, SnapshotMetadata metadata, long sizeBytes, long accounts, long slots, long codes) {}
