package org.servicerecords.registry.bench;

import java.util.regex.Pattern;

/**
 * The run id of a mixed load and its oracle: every record id of the run is {@code <runId>-<n>}
 * ({@code n} a decimal counter), so the oracle can pick the run's records out of a namespace that
 * holds many runs. The match is exact: the records of run {@code r1-2} ({@code r1-2-7}) are not
 * records of run {@code r1}, whose ids are {@code r1-<digits>}.
 */
public final class RunId {

  /**
   * What a run id may hold: the record id alphabet ({@code InputRules.ID}) and at most 100
   * characters, so that {@code <runId>-<n>} stays within a record id's 128.
   */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private RunId() {}

  /**
   * Checks a run id.
   *
   * @param runId the run id
   * @return the run id
   * @throws IllegalArgumentException when it is null or breaks {@link #PATTERN}
   */
  public static String check(String runId) {
    if (runId == null || !PATTERN.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "--run-id must match " + PATTERN.pattern() + ", not " + runId);
    }
    return runId;
  }

  /**
   * Returns a fresh run id, {@code mixed-<8 hex digits>}, for a run that was not given one.
   *
   * @return the run id
   */
  public static String random() {
    return "mixed-" + RecordFactory.randomTag();
  }

  /**
   * Says whether a record id belongs to a run: exactly {@code <runId>-<digits>}.
   *
   * @param runId the run id
   * @param recordId a record id
   * @return true for the run's records
   */
  public static boolean owns(String runId, String recordId) {
    if (recordId == null
        || recordId.length() <= runId.length() + 1
        || !recordId.startsWith(runId)
        || recordId.charAt(runId.length()) != '-') {
      return false;
    }
    for (int i = runId.length() + 1; i < recordId.length(); i++) {
      char c = recordId.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
