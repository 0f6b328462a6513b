package io.localsam.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.runtime.RuntimeApiBootstrap;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command and environment a child starts with. */
class ChildLaunchTest {
  @Test
  void localSamsClassPathIsMadeAbsoluteForAChildThatStartsElsewhere() {
    String relative =
        String.join(File.pathSeparator, "target/emulator.jar", "lib/*", "/abs/classes");
    String cwd = Path.of("").toAbsolutePath().toString();
    assertEquals(
        String.join(
            File.pathSeparator,
            cwd + "/target/emulator.jar",
            cwd + "/lib" + File.separator + "*",
            "/abs/classes"),
        ChildLaunch.absolute(relative));
  }

  @Test
  void aJavaChildGetsLambdasFlagsTheFunctionsEnvironmentAndItsCodeFolder() {
    Jdk jdk = FixtureFunctions.currentJdk();
    ChildLaunch launch =
        ChildLaunch.java(
            jdk,
            RuntimeApiBootstrap.class,
            1024,
            FixtureFunctions.classpath(),
            Map.of("A", "1"),
            "127.0.0.1:9",
            0);
    assertEquals(jdk.java().toString(), launch.command().get(0));
    assertTrue(launch.command().contains("-XX:MaxHeapSize=891290k"), launch.command().toString());
    assertTrue(launch.command().stream().noneMatch(arg -> arg.startsWith("-agentlib:jdwp")));
    assertEquals(Map.of("A", "1", "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9"), launch.environment());
    assertEquals(FixtureFunctions.codeRoot(), launch.directory());
    assertEquals(
        FixtureFunctions.codeRoot().toString(),
        launch
            .command()
            .get(launch.command().indexOf("io.localsam.runtime.RuntimeApiBootstrap") + 1));
  }

  @Test
  void aDebuggedChildWaitsForItsDebuggerOnThePort() {
    ChildLaunch launch =
        ChildLaunch.java(
            FixtureFunctions.currentJdk(),
            RuntimeApiBootstrap.class,
            128,
            List.of(FixtureFunctions.codeRoot()),
            Map.of(),
            "127.0.0.1:9",
            5858);
    assertTrue(
        launch
            .command()
            .contains(
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:5858"));
  }

  @Test
  void
      aChildOnAwsRuntimeClientGetsTheSameJvmThenTheClientsJarsBeforeTheFunctionsClassPathAndTheHandler() {
    Jdk jdk = FixtureFunctions.currentJdk();
    AwsRuntimeClientFiles client =
        new AwsRuntimeClientFiles(
            List.of(Path.of("/c/launcher.jar"), Path.of("/c/client.jar")),
            Path.of("/c/libaws-lambda-jni.so"));
    List<Path> functionClasspath = FixtureFunctions.classpath();
    ChildLaunch launch =
        ChildLaunch.awsRuntimeClient(
            jdk,
            512,
            client,
            functionClasspath,
            "fixtures.Hello::handleRequest",
            Map.of("A", "1"),
            "127.0.0.1:9",
            5858);

    List<String> expected = new ArrayList<>(List.of(jdk.java().toString()));
    expected.addAll(LambdaJvmFlags.forMemorySize(512, jdk.feature()));
    expected.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:5858");
    expected.add(
        "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=/c/libaws-lambda-jni.so");
    expected.add("-cp");
    expected.add(
        String.join(File.pathSeparator, "/c/launcher.jar", "/c/client.jar")
            + File.pathSeparator
            + String.join(
                File.pathSeparator, functionClasspath.stream().map(Path::toString).toList()));
    expected.add("io.localsam.runtime.child.AwsRuntimeClientMain");
    expected.add("fixtures.Hello::handleRequest");
    assertEquals(expected, launch.command());
    assertEquals(Map.of("A", "1", "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9"), launch.environment());
    assertEquals(
        FixtureFunctions.codeRoot(),
        launch.directory(),
        "the client's task root is its working directory");
  }

  @Test
  void awsRuntimeClientHasNativeCodeForLinuxOnX8664AndAarch64WithGlibcOrMusl() {
    assertEquals(
        "libaws-lambda-jni.linux-x86_64.so",
        AwsRuntimeClientFiles.nativeLibraryName("Linux", "amd64", false).orElseThrow());
    assertEquals(
        "libaws-lambda-jni.linux_musl-aarch_64.so",
        AwsRuntimeClientFiles.nativeLibraryName("Linux", "aarch64", true).orElseThrow());
    assertTrue(AwsRuntimeClientFiles.nativeLibraryName("Mac OS X", "aarch64", false).isEmpty());
    assertTrue(AwsRuntimeClientFiles.nativeLibraryName("Windows 11", "amd64", false).isEmpty());
    assertTrue(AwsRuntimeClientFiles.nativeLibraryName("Linux", "x86", false).isEmpty());
  }

  @Test
  void lambdasHeapIsEightyFivePercentOfMemorySize() {
    assertEquals(445645, LambdaJvmFlags.maxHeapKib(512));
    assertEquals(111411, LambdaJvmFlags.maxHeapKib(128));
  }
}
