package org.servicerecords.registry.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per client (Bucket4j): {@code perMinute} API requests a minute, refilled
 * continuously, the whole minute's allowance usable at once. A client is an IPv4 address or an IPv6
 * /64 network ({@link ClientKey}): one host holds a whole /64. Buckets live in memory only, each
 * forgotten after ten minutes without a request, and at most {@value #MAX_CLIENTS} at once
 * (Caffeine).
 */
final class ClientRateLimits {

  private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

  /**
   * The most clients remembered at once; past it the least recently seen are forgotten first, so a
   * flood of new addresses costs bounded memory (and gets each newcomer a fresh allowance).
   */
  private static final long MAX_CLIENTS = 100_000;

  private final int perMinute;
  private final Cache<String, Bucket> buckets;

  ClientRateLimits(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("requests per minute must be at least 1: " + perMinute);
    }
    this.perMinute = perMinute;
    this.buckets =
        Caffeine.newBuilder().expireAfterAccess(FORGET_AFTER).maximumSize(MAX_CLIENTS).build();
  }

  /**
   * Takes one request from a client's allowance.
   *
   * @param client the client's key (its address)
   * @return empty if the request may go ahead, else the seconds to wait before the next one
   */
  OptionalLong take(String client) {
    Bucket bucket = buckets.get(client, key -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .build();
  }
}
