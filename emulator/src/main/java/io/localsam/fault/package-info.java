/**
 * Fault injection, as WireMock injects faults into stubs: latency, throttling, errors, statuses and
 * timeouts for a function or a route, set from a test ({@code Emulator.faults()}) or the command
 * line ({@code --fault}). A leaf package: the runtime applies function faults, the gateway route
 * faults.
 */
package io.localsam.fault;
