package org.megaeth.loadgen.rpc;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns the JDK's transport exceptions into one line a user can act on. */
final class Failures {
  private Failures() {}

  static String describe(URI endpoint, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
      return "cannot connect to " + endpoint + " (is the node running and listening there?)";
    }
    if (cause instanceof HttpTimeoutException
        || cause instanceof TimeoutException
        || cause instanceof SocketTimeoutException) {
      return endpoint + " did not answer in time";
    }
    if (cause instanceof ClosedChannelException) {
      return endpoint + " closed the connection";
    }
    String message = cause.getMessage();
    return endpoint
        + ": "
        + cause.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
