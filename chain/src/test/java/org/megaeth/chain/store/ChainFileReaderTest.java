package org.megaeth.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.Block;

class ChainFileReaderTest {
  private final ChainGenerator chain = new ChainGenerator();
  private final Block first = chain.next(0, 2, 1).block();
  private final Block second = chain.next(2, 0, 1).block();

  @Test
  void shouldReadConcatenatedBlocksOneAtATimeAndTrackTheOffset() throws Exception {
    Bytes file = Bytes.concatenate(first.encode(), second.encode());
    ChainFileReader reader = reader(file);

    assertThat(reader.next()).contains(first);
    assertThat(reader.offset()).isEqualTo(first.encode().size());
    assertThat(reader.next()).contains(second);
    assertThat(reader.next()).isEmpty();
    assertThat(reader.offset()).isEqualTo(file.size());
  }

  @Test
  void shouldReadNothingFromAnEmptyFile() throws Exception {
    assertThat(reader(Bytes.EMPTY).next()).isEmpty();
  }

  @Test
  void shouldNameTheOffsetOfATruncatedBlock() throws Exception {
    Bytes encoded = second.encode();
    ChainFileReader reader =
        reader(Bytes.concatenate(first.encode(), encoded.slice(0, encoded.size() - 10)));
    reader.next();

    assertThatThrownBy(reader::next)
        .isInstanceOf(InvalidChainFileException.class)
        .hasMessage(
            "byte offset %d: truncated block: it declares %d bytes, the file ends after %d"
                .formatted(first.encode().size(), encoded.size(), encoded.size() - 10));
  }

  @Test
  void shouldRefuseAStringWhereABlockShouldStart() throws Exception {
    ChainFileReader reader = reader(Bytes.concatenate(first.encode(), Bytes.of(0x83, 1, 2, 3)));
    reader.next();

    assertThatThrownBy(reader::next)
        .isInstanceOf(InvalidChainFileException.class)
        .hasMessage(
            "byte offset %d: expected a block (an RLP list), found an RLP string (first byte 0x83)"
                .formatted(first.encode().size()))
        .extracting(e -> ((InvalidChainFileException) e).offset())
        .isEqualTo((long) first.encode().size());
  }

  @Test
  void shouldRefuseAListThatIsNotABlock() {
    assertThatThrownBy(() -> reader(Bytes.fromHexString("0xc20102")).next())
        .isInstanceOf(InvalidChainFileException.class)
        .hasMessageStartingWith("byte offset 0: not a valid block: ");
  }

  @Test
  void shouldRefuseALengthBeyondTheLimitBeforeReadingIt() {
    assertThatThrownBy(() -> reader(Bytes.fromHexString("0xfbffffffff")).next())
        .isInstanceOf(InvalidChainFileException.class)
        .hasMessage("byte offset 0: a block larger than 268435456 bytes (a corrupt length?)");
  }

  @Test
  void shouldRefuseAHeaderCutShort() {
    assertThatThrownBy(() -> reader(Bytes.fromHexString("0xf9ff")).next())
        .isInstanceOf(InvalidChainFileException.class)
        .hasMessage("byte offset 0: truncated block: the file ends in its header");
  }

  @Test
  void shouldReadEveryBlockOfALongerFile() throws Exception {
    List<Block> blocks = new ArrayList<>(List.of(first, second));
    for (int i = 0; i < 5; i++) {
      blocks.add(chain.next(2 + i, 1, 1).block());
    }
    ChainFileReader reader =
        reader(Bytes.concatenate(blocks.stream().map(Block::encode).toArray(Bytes[]::new)));
    List<Block> read = new ArrayList<>();
    for (Optional<Block> next = reader.next(); next.isPresent(); next = reader.next()) {
      read.add(next.get());
    }
    assertThat(read).isEqualTo(blocks);
  }

  private static ChainFileReader reader(Bytes bytes) {
    return new ChainFileReader(new ByteArrayInputStream(bytes.toArray()));
  }
}
