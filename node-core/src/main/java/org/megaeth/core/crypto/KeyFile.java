package org.megaeth.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * A secp256k1 private key in a file: 64 hex digits (an optional {@code 0x} and surrounding
 * whitespace are accepted), readable and writable by its owner only, as geth's {@code --nodekey}
 * and ssh keys are. A key file that others can read is refused rather than used: the key signs
 * every block the sequencer produces, and a leaked key lets anyone sign blocks in its name.
 *
 * <p>Keys come from files only, never from the command line (which {@code ps} shows to every user),
 * and are never logged: {@link SecretKey#toString()} hides the value.
 */
public final class KeyFile {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private KeyFile() {}

  /** Why a key file cannot be used; the message names the file and what to do. */
  public static final class KeyFileException extends Exception {
    public KeyFileException(String message) {
      super(message);
    }
  }

  /**
   * Reads the key in {@code file}.
   *
   * @throws KeyFileException when the file is missing, readable by others, or holds no valid key
   */
  public static KeyPair load(Path file) throws KeyFileException {
    String text;
    try {
      requireOwnerOnly(file);
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new KeyFileException("key file " + file + " does not exist");
    } catch (IOException e) {
      throw new KeyFileException("cannot read key file " + file + ": " + e.getMessage());
    }
    String hex = text.strip();
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      hex = hex.substring(2);
    }
    if (hex.length() != 64 || !hex.chars().allMatch(KeyFile::isHexDigit)) {
      throw new KeyFileException(
          "key file " + file + " must hold a private key as 64 hex digits, and nothing else");
    }
    try {
      return KeyPair.of(SecretKey.fromHex(hex));
    } catch (IllegalArgumentException e) {
      throw new KeyFileException("key file " + file + " holds an invalid key: " + e.getMessage());
    }
  }

  /**
   * Reads the key in {@code file}, or when there is no such file creates one with a new random key,
   * owner-only from its first byte (written to a temporary file with those permissions, then moved
   * into place, so no other user can ever read it and no crash leaves half a key).
   */
  public static KeyPair loadOrGenerate(Path file, SecureRandom random) throws KeyFileException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return load(file);
    }
    SecretKey key = SecretKey.random(random);
    Path parent = file.toAbsolutePath().getParent();
    Path temp = parent.resolve(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(parent);
      Files.deleteIfExists(temp);
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(
          temp,
          key.toHexString() + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException("cannot create key file " + file + ": " + e.getMessage());
    } catch (IOException | UnsupportedOperationException e) {
      throw new KeyFileException("cannot create key file " + file + ": " + e.getMessage());
    }
    return KeyPair.of(key);
  }

  private static void requireOwnerOnly(Path file) throws IOException, KeyFileException {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system: nothing to check against
    }
    Set<PosixFilePermission> extra = EnumSet.copyOf(permissions);
    extra.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    if (!extra.isEmpty()) {
      throw new KeyFileException(
          "key file %s has permissions %s; a key must be readable by its owner only (chmod 600 %s)"
              .formatted(file, PosixFilePermissions.toString(permissions), file));
    }
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
