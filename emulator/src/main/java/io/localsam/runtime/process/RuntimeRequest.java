package io.localsam.runtime.process;

/**
 * One invocation as the Runtime API hands it to a runtime on {@code /invocation/next}: the event
 * and the values Lambda sends as headers.
 *
 * @param deadlineMillis epoch milliseconds at which the invocation times out
 * @param traceId the X-Ray trace header, or null for none
 */
public record RuntimeRequest(
    String requestId, long deadlineMillis, String functionArn, String traceId, byte[] event) {}
