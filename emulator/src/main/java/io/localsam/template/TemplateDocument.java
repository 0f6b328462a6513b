package io.localsam.template;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A parsed template as plain values (maps, lists, strings, numbers, booleans, null) with short-form
 * tags already turned into their long form ({@code !Ref X} is {@code {"Ref": "X"}}). Maps and lists
 * remember where they were written, so later errors can name the line.
 */
public final class TemplateDocument {
  private final Path file;
  private final Map<String, Object> root;
  private final IdentityHashMap<Object, SourceLocation> locations;
  private final Set<Path> files;

  TemplateDocument(
      Path file, Map<String, Object> root, IdentityHashMap<Object, SourceLocation> locations) {
    this(file, root, locations, new LinkedHashSet<>(Set.of(file)));
  }

  private TemplateDocument(
      Path file,
      Map<String, Object> root,
      IdentityHashMap<Object, SourceLocation> locations,
      Set<Path> files) {
    this.file = file;
    this.root = root;
    this.locations = locations;
    this.files = files;
  }

  public Path file() {
    return file;
  }

  public Map<String, Object> root() {
    return root;
  }

  /**
   * The same file with another root (a transform's output); locations are shared, so errors still
   * name lines.
   */
  TemplateDocument withRoot(Map<String, Object> transformed) {
    return new TemplateDocument(file, transformed, locations, files);
  }

  /** Gives a value built from {@code original} (a resolved copy, say) the original's location. */
  void relocate(Object copy, Object original) {
    SourceLocation where = locations.get(original);
    if (where != null) {
      locations.put(copy, where);
    }
  }

  /** Takes on the locations of an included file, so errors inside it name that file. */
  void adopt(TemplateDocument included) {
    locations.putAll(included.locations);
    files.addAll(included.files);
  }

  /**
   * The files this document was read from: its own and those it included, so a change to any is
   * noticed.
   */
  Set<Path> files() {
    return Collections.unmodifiableSet(files);
  }

  /** Where a map or list of this document was written; the file alone when unknown. */
  public SourceLocation locate(Object node) {
    SourceLocation where = node == null ? null : locations.get(node);
    return where == null ? SourceLocation.of(file) : where;
  }
}
