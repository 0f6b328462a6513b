package io.localsam.bench;

/** Prints a free TCP port on 127.0.0.1, for the scripts. */
public final class FreePort {
  private FreePort() {}

  public static void main(String[] args) {
    System.out.println(ServerProcess.freePort());
  }
}
