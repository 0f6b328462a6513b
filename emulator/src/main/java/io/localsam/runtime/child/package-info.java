/**
 * What runs first in a child JVM on AWS's runtime interface client ({@code --runtime-client aws}).
 * These classes use nothing but the JDK: LocalSAM copies them into a jar of their own on the
 * child's class path, so the function's class loader sees them and none of LocalSAM's libraries.
 */
package io.localsam.runtime.child;
