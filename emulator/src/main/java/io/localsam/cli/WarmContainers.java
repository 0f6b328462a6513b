package io.localsam.cli;

/**
 * {@code --warm-containers}: execution environments are always kept warm and reused, as Lambda
 * does; {@code EAGER} also initialises one per function at start-up, {@code LAZY} on first use.
 */
enum WarmContainers {
  EAGER,
  LAZY
}
