package org.servicerecords.registry.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a mixed load's journal ({@link RunJournal}): a JSON object whose {@code op} says what
 * it records. {@link #toJson()} writes it (compact, fields in a fixed order, absent ones left out),
 * {@link #parse} reads it back.
 *
 * <ul>
 *   <li>{@code RUN}: the header, first line: run id, issuing MSP, namespace, document types;
 *   <li>{@code ATTEMPT}: written before an operation is first sent ({@code target} {@code ANCHOR}
 *       with the record's content, or {@code REVOKE} with the reason);
 *   <li>{@code ANCHOR} / {@code REVOKE}: written once the library acknowledged the operation
 *       (committed, or found already on the ledger as requested);
 *   <li>{@code UNACKNOWLEDGED}: the operation was given up without an acknowledgement (refused, or
 *       its retries ran past the run's end and settle period): it may or may not be on the ledger.
 * </ul>
 */
public sealed interface JournalLine {

  /** What an attempt or an unacknowledged line is about. */
  enum Target {
    /** Anchoring a certificate. */
    ANCHOR,
    /** Revoking a certificate. */
    REVOKE
  }

  /**
   * Returns the record the line is about.
   *
   * @return the record id, or the run id for {@link Run}
   */
  String id();

  /**
   * Returns the line's JSON object.
   *
   * @return one line of JSON, without the newline
   */
  String toJson();

  /**
   * The journal's header.
   *
   * @param runId the run id ({@link RunId})
   * @param issuer the issuing agency's MSP id
   * @param namespace its records namespace
   * @param documentTypes the document types the run anchors
   * @param startMillis when the run started (epoch milliseconds)
   */
  record Run(
      String runId, String issuer, String namespace, List<String> documentTypes, long startMillis)
      implements JournalLine {

    /** Copies the types. */
    public Run {
      Objects.requireNonNull(runId, "runId");
      documentTypes = List.copyOf(documentTypes);
    }

    @Override
    public String id() {
      return runId;
    }

    @Override
    public String toJson() {
      JsonObject o = start("RUN");
      o.addProperty("runId", runId);
      o.addProperty("issuer", issuer);
      o.addProperty("namespace", namespace);
      JsonArray types = new JsonArray();
      documentTypes.forEach(types::add);
      o.add("documentTypes", types);
      o.addProperty("startMillis", startMillis);
      return o.toString();
    }
  }

  /**
   * An anchoring about to be sent for the first time.
   *
   * @param id the record id
   * @param documentHash its document hash
   * @param documentType its document type
   * @param batch the batch the record is sent in ({@code <runId>-batch-<k>}), or {@code null} when
   *     it is anchored alone
   * @param millis when (epoch milliseconds)
   */
  record AnchorAttempt(
      String id, String documentHash, String documentType, String batch, long millis)
      implements JournalLine {

    /** Checks the content. */
    public AnchorAttempt {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(documentHash, "documentHash");
      Objects.requireNonNull(documentType, "documentType");
    }

    @Override
    public String toJson() {
      JsonObject o = start("ATTEMPT");
      o.addProperty("target", Target.ANCHOR.name());
      o.addProperty("id", id);
      o.addProperty("documentHash", documentHash);
      o.addProperty("documentType", documentType);
      if (batch != null) {
        o.addProperty("batch", batch);
      }
      o.addProperty("millis", millis);
      return o.toString();
    }
  }

  /**
   * A revocation about to be sent for the first time.
   *
   * @param id the record id
   * @param reason the reason code
   * @param millis when (epoch milliseconds)
   */
  record RevokeAttempt(String id, String reason, long millis) implements JournalLine {

    /** Checks the content. */
    public RevokeAttempt {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toJson() {
      JsonObject o = start("ATTEMPT");
      o.addProperty("target", Target.REVOKE.name());
      o.addProperty("id", id);
      o.addProperty("reason", reason);
      o.addProperty("millis", millis);
      return o.toString();
    }
  }

  /**
   * An anchoring the library acknowledged.
   *
   * @param id the record id
   * @param documentHash its document hash
   * @param documentType its document type
   * @param ackMillis when the acknowledgement came (epoch milliseconds)
   * @param txId the transaction that wrote it, or {@code null} when the library did not say
   * @param alreadyAnchored true when the library found it on the ledger already (an earlier attempt
   *     whose answer was lost had committed it)
   * @param attempts how many times it was sent
   */
  record Anchored(
      String id,
      String documentHash,
      String documentType,
      long ackMillis,
      String txId,
      boolean alreadyAnchored,
      int attempts)
      implements JournalLine {

    /** Checks the content. */
    public Anchored {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(documentHash, "documentHash");
      Objects.requireNonNull(documentType, "documentType");
    }

    @Override
    public String toJson() {
      JsonObject o = start("ANCHOR");
      o.addProperty("id", id);
      o.addProperty("documentHash", documentHash);
      o.addProperty("documentType", documentType);
      o.addProperty("ackMillis", ackMillis);
      if (txId != null) {
        o.addProperty("txId", txId);
      }
      o.addProperty("alreadyAnchored", alreadyAnchored);
      o.addProperty("attempts", attempts);
      return o.toString();
    }
  }

  /**
   * A revocation the library acknowledged.
   *
   * @param id the record id
   * @param reason the reason code
   * @param ackMillis when the acknowledgement came (epoch milliseconds)
   * @param txId the transaction of the revoked record version, or {@code null}
   * @param attempts how many times it was sent
   */
  record Revoked(String id, String reason, long ackMillis, String txId, int attempts)
      implements JournalLine {

    /** Checks the content. */
    public Revoked {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toJson() {
      JsonObject o = start("REVOKE");
      o.addProperty("id", id);
      o.addProperty("reason", reason);
      o.addProperty("ackMillis", ackMillis);
      if (txId != null) {
        o.addProperty("txId", txId);
      }
      o.addProperty("attempts", attempts);
      return o.toString();
    }
  }

  /**
   * An operation given up without an acknowledgement.
   *
   * @param target what was attempted
   * @param id the record id
   * @param cause why it was given up (a {@link RetryPolicy} cause)
   * @param attempts how many times it was sent
   * @param millis when (epoch milliseconds)
   */
  record Unacknowledged(Target target, String id, String cause, int attempts, long millis)
      implements JournalLine {

    /** Checks the content. */
    public Unacknowledged {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String toJson() {
      JsonObject o = start("UNACKNOWLEDGED");
      o.addProperty("target", target.name());
      o.addProperty("id", id);
      o.addProperty("cause", cause);
      o.addProperty("attempts", attempts);
      o.addProperty("millis", millis);
      return o.toString();
    }
  }

  private static JsonObject start(String op) {
    JsonObject o = new JsonObject();
    o.addProperty("op", op);
    return o;
  }

  /**
   * Reads a line.
   *
   * @param line one JSON object
   * @return the line
   * @throws IllegalArgumentException when it is not JSON, names an unknown {@code op} or {@code
   *     target}, or lacks a field its kind needs
   */
  static JournalLine parse(String line) {
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseString(line);
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      o = e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    String op = text(o, "op", true);
    return switch (op) {
      case "RUN" -> {
        List<String> types = new ArrayList<>();
        if (o.has("documentTypes") && o.get("documentTypes").isJsonArray()) {
          o.getAsJsonArray("documentTypes").forEach(t -> types.add(t.getAsString()));
        }
        yield new Run(
            text(o, "runId", true),
            text(o, "issuer", false),
            text(o, "namespace", false),
            types,
            number(o, "startMillis"));
      }
      case "ATTEMPT" ->
          switch (target(o)) {
            case ANCHOR ->
                new AnchorAttempt(
                    text(o, "id", true),
                    text(o, "documentHash", true),
                    text(o, "documentType", true),
                    text(o, "batch", false),
                    number(o, "millis"));
            case REVOKE ->
                new RevokeAttempt(
                    text(o, "id", true), text(o, "reason", true), number(o, "millis"));
          };
      case "ANCHOR" ->
          new Anchored(
              text(o, "id", true),
              text(o, "documentHash", true),
              text(o, "documentType", true),
              number(o, "ackMillis"),
              text(o, "txId", false),
              o.has("alreadyAnchored") && o.get("alreadyAnchored").getAsBoolean(),
              (int) number(o, "attempts"));
      case "REVOKE" ->
          new Revoked(
              text(o, "id", true),
              text(o, "reason", true),
              number(o, "ackMillis"),
              text(o, "txId", false),
              (int) number(o, "attempts"));
      case "UNACKNOWLEDGED" ->
          new Unacknowledged(
              target(o),
              text(o, "id", true),
              o.has("cause") ? text(o, "cause", true) : "unknown",
              (int) number(o, "attempts"),
              number(o, "millis"));
      default -> throw new IllegalArgumentException("unknown op " + op);
    };
  }

  private static Target target(JsonObject o) {
    String target = text(o, "target", true);
    try {
      return Target.valueOf(target);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown target " + target, e);
    }
  }

  private static String text(JsonObject o, String field, boolean required) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      if (required) {
        throw new IllegalArgumentException("no " + field);
      }
      return null;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return e.getAsString();
  }

  private static long number(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      return 0;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException(field + " is not a number");
    }
    return e.getAsLong();
  }
}
