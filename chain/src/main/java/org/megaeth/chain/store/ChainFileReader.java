package org.megaeth.chain.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.Block;

/**
 * Reads a chain file as {@code geth export} writes it and {@code geth import} reads it: blocks in
 * their binary RLP encoding, one after the other, nothing between them. Blocks are read one at a
 * time, so a file of any length takes the memory of one block.
 */
public final class ChainFileReader implements AutoCloseable {
  /** A block larger than this is refused before it is read (a corrupt length prefix). */
  public static final int MAX_BLOCK_SIZE = 256 * 1024 * 1024;

  private final InputStream in;
  private long offset;

  public ChainFileReader(InputStream in) {
    this.in = in;
  }

  /**
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   */
  public static ChainFileReader open(Path file) throws IOException {
    return new ChainFileReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  /** Bytes read so far: the offset of the next block. */
  public long offset() {
    return offset;
  }

  /**
   * The next block, or empty at the end of the file.
   *
   * @throws InvalidChainFileException when the bytes at {@link #offset()} are not a whole block
   */
  public Optional<Block> next() throws IOException, InvalidChainFileException {
    long start = offset;
    int prefix = in.read();
    if (prefix < 0) {
      return Optional.empty();
    }
    if (prefix < 0xc0) {
      throw new InvalidChainFileException(
          start,
          "expected a block (an RLP list), found an RLP string (first byte 0x%02x)"
              .formatted(prefix));
    }
    byte[] header;
    long payloadLength;
    if (prefix <= 0xf7) {
      header = new byte[] {(byte) prefix};
      payloadLength = prefix - 0xc0;
    } else {
      int lengthOfLength = prefix - 0xf7;
      header = new byte[1 + lengthOfLength];
      header[0] = (byte) prefix;
      if (in.readNBytes(header, 1, lengthOfLength) != lengthOfLength) {
        throw new InvalidChainFileException(start, "truncated block: the file ends in its header");
      }
      payloadLength = 0;
      for (int i = 1; i < header.length; i++) {
        payloadLength = (payloadLength << 8) | (header[i] & 0xFF);
        if (payloadLength > MAX_BLOCK_SIZE) {
          throw new InvalidChainFileException(
              start, "a block larger than %d bytes (a corrupt length?)".formatted(MAX_BLOCK_SIZE));
        }
      }
    }
    if (payloadLength + header.length > MAX_BLOCK_SIZE) {
      throw new InvalidChainFileException(
          start, "a block larger than %d bytes (a corrupt length?)".formatted(MAX_BLOCK_SIZE));
    }
    byte[] item = new byte[header.length + (int) payloadLength];
    System.arraycopy(header, 0, item, 0, header.length);
    int read = in.readNBytes(item, header.length, (int) payloadLength);
    offset = start + header.length + read;
    if (read != payloadLength) {
      throw new InvalidChainFileException(
          start,
          "truncated block: it declares %d bytes, the file ends after %d"
              .formatted(item.length, header.length + read));
    }
    try {
      return Optional.of(Block.decode(Bytes.wrap(item)));
    } catch (RuntimeException e) {
      // RlpException, or a record's IllegalArgumentException for a well-formed but invalid field.
      throw new InvalidChainFileException(start, "not a valid block: " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
