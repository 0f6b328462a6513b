package io.localsam.template;

import java.nio.file.Path;

/** Where something was written: file, line and column (both 1-based; 0 when unknown). */
public record SourceLocation(Path file, int line, int column) {

  public static SourceLocation of(Path file) {
    return new SourceLocation(file, 0, 0);
  }

  @Override
  public String toString() {
    String name = file == null ? "<template>" : file.toString();
    if (line <= 0) {
      return name;
    }
    return column <= 0 ? name + ":" + line : name + ":" + line + ":" + column;
  }
}
