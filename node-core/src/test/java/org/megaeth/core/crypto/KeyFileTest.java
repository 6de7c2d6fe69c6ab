package org.megaeth.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
  @TempDir Path dir;

  @Test
  void generatesAnOwnerOnlyKeyOnceAndReadsTheSameKeyBack() throws Exception {
    Path file = dir.resolve("keys/sequencer.key");
    KeyPair created = KeyFile.loadOrGenerate(file, new SecureRandom());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(KeyFile.loadOrGenerate(file, new SecureRandom()).address())
        .isEqualTo(created.address());
    assertThat(KeyFile.load(file).secretKey()).isEqualTo(created.secretKey());
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void readsAKeyWithOrWithoutPrefixAndWhitespace() throws Exception {
    String hex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    Path plain = ownerOnly("plain.key", hex);
    Path prefixed = ownerOnly("prefixed.key", "  0x" + hex + "\n");

    assertThat(KeyFile.load(plain).address()).isEqualTo(KeyFile.load(prefixed).address());
    assertThat(KeyFile.load(plain).address().toString())
        .isEqualToIgnoringCase("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
  }

  @Test
  void refusesAKeyOthersCanRead() throws Exception {
    Path file = ownerOnly("open.key", "11".repeat(32));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> KeyFile.load(file))
        .isInstanceOf(KeyFile.KeyFileException.class)
        .hasMessageContaining("readable by its owner only")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void refusesMissingFilesAndBadContentWithoutShowingTheContent() throws Exception {
    assertThatThrownBy(() -> KeyFile.load(dir.resolve("none.key")))
        .hasMessageContaining("does not exist");
    Path shortKey = ownerOnly("short.key", "abcd");
    assertThatThrownBy(() -> KeyFile.load(shortKey)).hasMessageContaining("64 hex digits");
    Path zero = ownerOnly("zero.key", "00".repeat(32));
    assertThatThrownBy(() -> KeyFile.load(zero))
        .hasMessageContaining("invalid key")
        .hasMessageNotContaining("00".repeat(32));
  }

  private Path ownerOnly(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
