package org.megaeth.rpc.params;

/**
 * A parameter value that does not parse; {@link Params} prefixes the message with the argument's
 * position ({@code "invalid argument 0: ..."}) as geth does.
 */
public final class ParamException extends Exception {
  public ParamException(String message) {
    super(message, null, false, false);
  }
}
