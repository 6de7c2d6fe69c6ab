package org.megaeth.config;

/**
 * A value that does not fit its option, with the problem phrased to follow the option's key ({@code
 * "must be between 1 and 65535, got 70000"}). Internal: callers turn it into a {@link
 * ConfigException} that adds the key and, for files, the file and line.
 */
final class InvalidValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidValueException(String problem) {
    super(problem);
  }
}
