package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the journal keeps of an invocation's log lines: all of a short log; the head and the tail of
 * a long one.
 */
class InvocationLogsTest {

  @Test
  void a_short_log_is_kept_whole_and_every_line_passes_on() {
    List<String> passed = new ArrayList<>();
    InvocationLogs logs = new InvocationLogs(passed::add);

    List.of("START", "hello", "END", "REPORT").forEach(logs);

    assertEquals(List.of("START", "hello", "END", "REPORT"), logs.lines());
    assertEquals(List.of("START", "hello", "END", "REPORT"), passed);
  }

  @Test
  void a_long_log_keeps_its_head_and_its_last_lines_and_counts_the_rest() {
    List<String> passed = new ArrayList<>();
    InvocationLogs logs = new InvocationLogs(passed::add);
    String line = "x".repeat(1023);

    logs.accept("START");
    for (int i = 0; i < 4096; i++) {
      logs.accept(line);
    }
    logs.accept("END");
    logs.accept("REPORT");

    List<String> kept = logs.lines();
    assertEquals(4099, passed.size());
    assertEquals("START", kept.get(0));
    assertEquals(List.of(line, "END", "REPORT"), kept.subList(kept.size() - 3, kept.size()));
    String marker = kept.get(kept.size() - 4);
    assertTrue(marker.matches("\\[\\d+ log lines not kept]"), marker);
    assertEquals(4099, kept.size() - 1 + Integer.parseInt(marker.replaceAll("\\D", "")));
    assertTrue(kept.stream().mapToInt(String::length).sum() < InvocationLogs.MAX_CHARS + 8 * 1024);
  }
}
