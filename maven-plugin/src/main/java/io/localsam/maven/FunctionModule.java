package io.localsam.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function's Maven module as its POM says: where its sources and resources are, where classes go,
 * the class path it compiles against and how javac is told to compile it.
 *
 * @param folder the module's folder (a {@code CodeUri} with a {@code pom.xml})
 * @param name the folder's name, as the log shows it
 * @param sourceRoots the Java source folders
 * @param resourceRoots the resource folders, copied to {@code output} as they are
 * @param output {@code target/classes}
 * @param classpath the compile class path: compile, provided and system dependencies
 * @param compiler javac's settings
 */
record FunctionModule(
    Path folder,
    String name,
    List<Path> sourceRoots,
    List<Path> resourceRoots,
    Path output,
    List<Path> classpath,
    CompilerSettings compiler) {

  FunctionModule {
    sourceRoots = List.copyOf(sourceRoots);
    resourceRoots = List.copyOf(resourceRoots);
    classpath = List.copyOf(classpath);
  }

  Path pom() {
    return folder.resolve("pom.xml");
  }

  /** The folders whose files are the module's input. */
  List<Path> inputRoots() {
    return Stream.concat(sourceRoots.stream(), resourceRoots.stream()).toList();
  }
}
