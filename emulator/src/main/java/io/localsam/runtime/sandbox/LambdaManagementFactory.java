package io.localsam.runtime.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * What a function's {@code ManagementFactory.getRuntimeMXBean()} calls are rewritten to. In Lambda
 * each environment is a JVM of its own, started when the environment was: its start time and uptime
 * count from then, not from when LocalSAM started (aws-serverless-java-container's async init waits
 * "JVM start + 10 s"). Everything else is the real bean's.
 */
public final class LambdaManagementFactory {
  private static volatile RuntimeMXBean bean;

  private LambdaManagementFactory() {}

  public static RuntimeMXBean getRuntimeMXBean() {
    RuntimeMXBean current = bean;
    if (current == null) {
      bean = current = environmentBean(ManagementFactory.getRuntimeMXBean());
    }
    return current;
  }

  public static <T extends PlatformManagedObject> T getPlatformMXBean(Class<T> type) {
    return type == RuntimeMXBean.class
        ? type.cast(getRuntimeMXBean())
        : ManagementFactory.getPlatformMXBean(type);
  }

  private static RuntimeMXBean environmentBean(RuntimeMXBean jvm) {
    return (RuntimeMXBean)
        Proxy.newProxyInstance(
            LambdaManagementFactory.class.getClassLoader(),
            new Class<?>[] {RuntimeMXBean.class},
            (proxy, method, arguments) -> {
              switch (method.getName()) {
                case "getStartTime":
                  return LambdaSystem.startMillis();
                case "getUptime":
                  return System.currentTimeMillis() - LambdaSystem.startMillis();
                default:
                  try {
                    return method.invoke(jvm, arguments);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }
}
