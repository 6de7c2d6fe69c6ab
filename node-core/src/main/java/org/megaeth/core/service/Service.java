package org.megaeth.core.service;

/**
 * A long-lived component: IDLE, then RUNNING, then STOPPED. Starting twice is a bug and throws;
 * stopping is idempotent, and stopping a service that never started just marks it stopped.
 */
public abstract class Service {
  /** The lifecycle states, in the only order they can be visited. */
  public enum State {
    IDLE,
    RUNNING,
    STOPPED
  }

  private State state = State.IDLE;

  /** A short name for logs and errors. */
  public String name() {
    return getClass().getSimpleName();
  }

  public final synchronized State state() {
    return state;
  }

  public final synchronized void start() throws Exception {
    if (state != State.IDLE) {
      throw new IllegalStateException(name() + " cannot start: it is " + state);
    }
    doStart();
    state = State.RUNNING;
  }

  public final synchronized void stop() throws Exception {
    State previous = state;
    state = State.STOPPED;
    if (previous == State.RUNNING) {
      doStop();
    }
  }

  protected abstract void doStart() throws Exception;

  protected abstract void doStop() throws Exception;
}
