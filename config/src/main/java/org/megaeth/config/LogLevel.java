package org.megaeth.config;

/**
 * The root log level; the names are SLF4J's, so the node can pass them to the backend as they are.
 */
public enum LogLevel {
  ERROR,
  WARN,
  INFO,
  DEBUG,
  TRACE
}
