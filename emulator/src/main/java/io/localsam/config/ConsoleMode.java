package io.localsam.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether the web console and admin API are served: by default only on a loopback address ({@code
 * 127.0.0.1}, {@code localhost}, {@code ::1}), where nobody but this machine reaches them; {@code
 * --console} serves them on any address, {@code --no-console} never.
 */
public enum ConsoleMode {
  /** Served when the server is bound to a loopback address: the default. */
  LOOPBACK,
  /** Served on any address ({@code --console}). */
  ON,
  /** Never served ({@code --no-console}). */
  OFF;

  /** True when the console is served on a server bound to {@code host}. */
  public boolean servesOn(String host) {
    return switch (this) {
      case ON -> true;
      case OFF -> false;
      case LOOPBACK -> loopback(host);
    };
  }

  static boolean loopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      // an address literal is parsed, never looked up; a name is resolved as the server resolved it
      // to bind
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
