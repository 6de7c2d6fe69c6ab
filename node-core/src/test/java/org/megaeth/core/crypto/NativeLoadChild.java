package org.megaeth.core.crypto;

/** Loads the native signature library, says which one it got, and waits to be killed. */
public final class NativeLoadChild {
  private NativeLoadChild() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("loaded " + Secp256k1.instance().name());
    System.out.flush();
    Thread.sleep(60_000);
  }
}
