package io.localsam.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's compiler on a real module folder: what reaches target/classes, and what a compile error
 * leaves alone.
 */
class ModuleCompilerTest {
  @TempDir Path folder;

  private FunctionModule module;
  private ModuleCompiler compiler;

  @BeforeEach
  void module() throws Exception {
    Files.createDirectories(folder.resolve("src/main/java/demo"));
    Files.createDirectories(folder.resolve("src/main/resources"));
    Files.writeString(
        folder.resolve("src/main/java/demo/App.java"),
        "package demo; public class App { String hi() { return \"one\"; } }");
    Files.writeString(
        folder.resolve("src/main/java/demo/Helper.java"), "package demo; class Helper {}");
    Files.writeString(folder.resolve("src/main/resources/app.properties"), "greeting=hi");
    module =
        new FunctionModule(
            folder,
            "Demo",
            List.of(folder.resolve("src/main/java")),
            List.of(folder.resolve("src/main/resources")),
            folder.resolve("target/classes"),
            List.of(),
            new CompilerSettings("17", null, null, "UTF-8", true, List.of()));
    compiler = new ModuleCompiler();
  }

  @Test
  void compiles_every_source_and_copies_the_resources() {
    assertFalse(ModuleCompiler.upToDate(module));

    CompileResult result = compiler.compile(module);

    assertTrue(result.succeeded(), result.errors().toString());
    assertTrue(Files.isRegularFile(folder.resolve("target/classes/demo/App.class")));
    assertTrue(Files.isRegularFile(folder.resolve("target/classes/demo/Helper.class")));
    assertTrue(Files.isRegularFile(folder.resolve("target/classes/app.properties")));
    assertEquals(3, result.changedFiles());
    assertTrue(ModuleCompiler.upToDate(module));
  }

  @Test
  void writes_only_the_classes_whose_bytes_changed() throws Exception {
    compiler.compile(module);
    Path helper = folder.resolve("target/classes/demo/Helper.class");
    FileTime helperWritten = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(helper, helperWritten);
    Files.writeString(
        folder.resolve("src/main/java/demo/App.java"),
        "package demo; public class App { String hi() { return \"two\"; } }");

    CompileResult result = compiler.compile(module);

    assertEquals(1, result.changedFiles());
    assertEquals(
        helperWritten, Files.getLastModifiedTime(helper), "Helper.class was not rewritten");
  }

  @Test
  void removes_the_class_of_a_deleted_source() throws Exception {
    compiler.compile(module);
    Files.delete(folder.resolve("src/main/java/demo/Helper.java"));

    compiler.compile(module);

    assertFalse(Files.exists(folder.resolve("target/classes/demo/Helper.class")));
    assertTrue(Files.exists(folder.resolve("target/classes/demo/App.class")));
  }

  @Test
  void a_compile_error_names_file_and_line_and_leaves_the_last_good_classes() throws Exception {
    compiler.compile(module);
    byte[] good = Files.readAllBytes(folder.resolve("target/classes/demo/App.class"));
    Files.writeString(
        folder.resolve("src/main/java/demo/App.java"),
        "package demo;\npublic class App { String hi() { return 2; } }");

    CompileResult result = compiler.compile(module);

    assertFalse(result.succeeded());
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertTrue(
        result.errors().get(0).contains("src/main/java/demo/App.java:2: error: incompatible types"),
        result.errors().get(0));
    assertTrue(
        result.failureReport().startsWith("Demo: compile error, the last good code keeps serving"));
    assertTrue(
        Arrays.equals(good, Files.readAllBytes(folder.resolve("target/classes/demo/App.class"))));
    assertTrue(Files.exists(folder.resolve("target/classes/demo/Helper.class")));
  }
}
