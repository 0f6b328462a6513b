package io.localsam.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A throwable as {@code printStackTrace} prints it, for the function's log. */
final class StackTraces {
  private StackTraces() {}

  static String text(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString().stripTrailing();
  }
}
