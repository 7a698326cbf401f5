package org.servicerecords.registry.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/** The CPU time this process has used so far, in nanoseconds. */
@FunctionalInterface
public interface CpuClock {

  /**
   * Returns the CPU time used so far.
   *
   * @return nanoseconds, or -1 when the JVM cannot tell
   */
  long cpuNanos();

  /**
   * The process's CPU time from {@code com.sun.management.OperatingSystemMXBean} (every thread, the
   * JVM's own included); where that is missing, the sum of the live threads' CPU time from {@link
   * ThreadMXBean} (threads that ended are then missed).
   *
   * @return the clock
   */
  static CpuClock process() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun
        && sun.getProcessCpuTime() >= 0) {
      return sun::getProcessCpuTime;
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return () -> -1;
    }
    return () -> {
      long sum = 0;
      for (long id : threads.getAllThreadIds()) {
        long t = threads.getThreadCpuTime(id);
        if (t > 0) {
          sum += t;
        }
      }
      return sum;
    };
  }
}
