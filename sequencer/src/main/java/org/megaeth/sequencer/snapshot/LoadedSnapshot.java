package org.megaeth.sequencer.snapshot;

import java.nio.file.Path;
import org.megaeth.trie.state.WorldState;

/** A snapshot read back: its metadata and the state, whose root has been checked against it. */
public record LoadedSnapshot(Path file, SnapshotMetadata metadata, WorldState state) {}
