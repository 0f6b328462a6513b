package io.localsam.bench;

/**
 * One measured load run.
 *
 * @param requestsPerSecond completed requests per second
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param errors socket errors, time-outs and answers other than 2xx/3xx
 * @param requests completed requests
 */
record LoadResult(
    double requestsPerSecond, double p50Millis, double p99Millis, long errors, long requests) {}
