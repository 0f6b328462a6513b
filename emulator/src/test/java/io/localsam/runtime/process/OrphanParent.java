package io.localsam.runtime.process;

import java.time.Duration;
import java.util.Map;

/**
 * A stand-in for LocalSAM in {@link ChildLifetimeTest}: starts one child environment on the runtime client
 * its argument names ({@code localsam} or {@code aws}), prints the child's process id, and waits to be killed.
 */
public final class OrphanParent {
  private OrphanParent() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = FixtureFunctions.lambdaEnvironment("Orphan", "fixtures.Counter", 128);
    boolean aws = args.length > 0 && args[0].equals("aws");
    ChildEnvironment child = ChildEnvironment.start(api -> aws
        ? ChildLaunch.awsRuntimeClient(FixtureFunctions.currentJdk(), 128, AwsRuntimeClientFiles.get(), FixtureFunctions.classpath(),
            "fixtures.Counter", env, api, 0)
        : ChildLaunch.java(FixtureFunctions.currentJdk(), 128, FixtureFunctions.classpath(), env, api, 0), line -> { });
    child.init(Duration.ofSeconds(60));
    System.out.println(child.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
