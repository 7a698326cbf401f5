/**
 * The load client of the benchmarks (issue 13): {@link org.servicerecords.registry.bench.BenchCli}
 * drives one workload through the client library (or, for the bare reference contract, the Fabric
 * Gateway SDK) with the {@link org.servicerecords.registry.bench.LoadGenerator}, closed-loop at a
 * fixed concurrency or open-loop at a fixed rate, within a bounded in-flight window, and reports a
 * {@link org.servicerecords.registry.bench.LoadResult}: success-only throughput, latency
 * percentiles, failures by {@link org.servicerecords.registry.bench.FailureCause} and the client's
 * own CPU time.
 */
package org.servicerecords.registry.bench;
