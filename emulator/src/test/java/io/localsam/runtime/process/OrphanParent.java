package io.localsam.runtime.process;

import io.localsam.runtime.RuntimeApiBootstrap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A stand-in for LocalSAM in {@link ChildLifetimeTest}: starts one child environment, a Java
 * function on the runtime client its argument names ({@code localsam} or {@code aws}) or, given a
 * folder, the custom runtime whose bootstrap is there; prints the child's lines and then its
 * process id, and waits to be killed.
 */
public final class OrphanParent {
  private OrphanParent() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = FixtureFunctions.lambdaEnvironment("Orphan", "fixtures.Counter", 128);
    String kind = args.length > 0 ? args[0] : "localsam";
    ChildEnvironment child =
        ChildEnvironment.start(
            api ->
                switch (kind) {
                  case "localsam" ->
                      ChildLaunch.java(
                          FixtureFunctions.currentJdk(),
                          RuntimeApiBootstrap.class,
                          128,
                          FixtureFunctions.classpath(),
                          env,
                          api,
                          0);
                  case "aws" ->
                      ChildLaunch.awsRuntimeClient(
                          FixtureFunctions.currentJdk(),
                          128,
                          AwsRuntimeClientFiles.get(),
                          FixtureFunctions.classpath(),
                          "fixtures.Counter",
                          env,
                          api,
                          0);
                  default -> ChildLaunch.bootstrap(Path.of(kind), env, api);
                },
            System.out::println);
    child.init(Duration.ofSeconds(60));
    System.out.println(child.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
