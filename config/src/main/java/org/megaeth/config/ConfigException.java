package org.megaeth.config;

/**
 * A configuration mistake the operator can fix: a missing or malformed config file, an unknown key,
 * a value out of range, a bad genesis file or mnemonic. The message is one line that names the file
 * (when there is one), the key or JSON path, and the line where known, so the CLI prints it as it
 * is, without a stack trace.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
