/**
 * The load client of the benchmarks (issue 13): {@link org.servicerecords.registry.bench.BenchCli}
 * drives one workload through the client library (or, for the bare reference contract, the Fabric
 * Gateway SDK) with the {@link org.servicerecords.registry.bench.LoadGenerator}, closed-loop at a
 * fixed concurrency or open-loop at a fixed rate, within a bounded in-flight window, and reports a
 * {@link org.servicerecords.registry.bench.LoadResult}: success-only throughput, latency
 * percentiles, failures by {@link org.servicerecords.registry.bench.FailureCause} and the client's
 * own CPU time.
 *
 * <p>The {@code mixed} workload ({@code MixedLoad}, run by {@code MixedRun}) anchors, revokes and
 * verifies as an agency, retrying each operation until acknowledged ({@code RetryLoop}), and keeps
 * a journal of what it was told ({@code RunJournal}); the {@code oracle} subcommand ({@link
 * org.servicerecords.registry.bench.OracleCli}) reads the run's records from the ledger ({@code
 * LedgerScan}) and compares them with the journal ({@code JournalOracle}).
 */
package org.servicerecords.registry.bench;
