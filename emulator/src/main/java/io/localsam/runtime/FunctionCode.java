package io.localsam.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a function's classes come from, in class path order, and a phrase saying how they were
 * found.
 *
 * @param classpath directories and jars, as the Lambda runtime would order them (classes, then
 *     lib/*.jar)
 * @param description for the start-up line, e.g. "Maven module HelloWorldFunction (target/classes +
 *     3 jars)"
 */
public record FunctionCode(List<Path> classpath, String description) {
  public FunctionCode {
    classpath = List.copyOf(classpath);
  }
}
