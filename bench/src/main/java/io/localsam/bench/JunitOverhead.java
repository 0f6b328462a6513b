package io.localsam.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What a {@code @LocalApi} test class costs a warm JVM: the sample app's HelloWorldApiTest (the
 * emulator started for it, both functions cold, four HTTP tests) run again and again through the
 * JUnit Platform, each run a fresh launcher session (so a fresh emulator), against the sample's
 * plain unit test AppTest run the same way. Run with the sample module as the working directory
 * (its template path is relative).
 */
public final class JunitOverhead {
  private JunitOverhead() {}

  public static void main(String[] args) {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Launcher launcher = LauncherFactory.create();
    for (int i = 0; i < warmups; i++) {
      run(launcher, "helloworld.HelloWorldApiTest");
      run(launcher, "helloworld.AppTest");
    }
    List<Double> api = new ArrayList<>();
    List<Double> plain = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      api.add(run(launcher, "helloworld.HelloWorldApiTest"));
      plain.add(run(launcher, "helloworld.AppTest"));
    }
    double apiMedian = median(api);
    double plainMedian = median(plain);
    System.out.printf(Locale.ROOT, "| JUnit, warm JVM (median of %d) | ms |%n|---|--:|%n", rounds);
    System.out.printf(
        Locale.ROOT,
        "| HelloWorldApiTest (@LocalApi: emulator start, 2 cold functions, 4 HTTP tests) | %.0f |%n",
        apiMedian);
    System.out.printf(Locale.ROOT, "| AppTest (plain unit test) | %.0f |%n", plainMedian);
    System.out.printf(Locale.ROOT, "| added by @LocalApi | %.0f |%n", apiMedian - plainMedian);
  }

  private static double run(Launcher launcher, String testClass) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(testClass))
            .build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    long start = System.nanoTime();
    launcher.execute(request, summary);
    double millis = (System.nanoTime() - start) / 1e6;
    if (summary.getSummary().getTotalFailureCount() > 0
        || summary.getSummary().getTestsSucceededCount() == 0) {
      throw new IllegalStateException(
          testClass + " did not pass: " + summary.getSummary().getFailures());
    }
    return millis;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
