package org.servicerecords.registry.client.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.ContractHarness;
import org.servicerecords.registry.client.ContractHarness.Reply;
import org.servicerecords.registry.client.ContractHarness.Who;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.ApplicationRequest;
import org.servicerecords.registry.model.BatchRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.DecisionOutcome;
import org.servicerecords.registry.model.DecisionRequest;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RecordHistoryEntry;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verdict;
import org.servicerecords.registry.model.Verification;

/**
 * The verdict computed in the library ({@link LocalVerdict}, behind {@code
 * Verifier.verifyRecordLocally}) equals the contract's {@code records:VerifyRecord}, on the real
 * contract served by registry-testing's in-memory harness. Both read the same ledger: the contract
 * directly, the library through {@code GetHistory}, {@code GetAgencyByNamespace}, {@code
 * GetAgencyAt} and {@code GetRecord} evaluated on that harness.
 *
 * <p>Scenarios are generated from a fixed seed ({@link SplittableRandom}): agencies registered with
 * active periods, their document types changed, suspended and reinstated; records anchored (singly,
 * in batches, as decisions), revoked, superseded in chains and purged, with validity windows
 * before, around and after their anchoring; transaction timestamps mostly increasing but sometimes
 * repeated or backdated, as client-asserted timestamps can be. Each record (and ids never anchored,
 * and a namespace no agency owns) is then verified at the boundaries of its own history and
 * validity window, a millisecond either side, and at random instants of the scenario.
 */
class LocalVerdictAgreementTest {

  private static final long SEED = 0x5EC0_4D5_2025L;

  /** Scenarios per run; {@code -Dlocalverdict.scenarios=N} runs more. */
  private static final int SCENARIOS = Integer.getInteger("localverdict.scenarios", 120);

  private static final Instant BASE = Instant.parse("2025-03-01T00:00:00Z");
  private static final String GOVERNANCE = "governance";
  private static final String JUSTICE = "JusticeMSP";
  private static final String SERVICES = "ServicesMSP";
  private static final String JUSTICE_NS = "records-justice";
  private static final String SERVICES_NS = "records-services";
  private static final String NOBODY_NS = "records-nobody";
  private static final List<String> TYPES =
      List.of("BIRTH_CERTIFICATE", "DRIVING_LICENCE", "MARRIAGE_CERTIFICATE", "PERMIT_DECISION");
  private static final String ALL_TYPES = String.join(";", TYPES);

  private static final Who VERIFIER = new Who("AuditMSP", "verifier1", "verifier", null);
  private static final Map<String, Who> ISSUERS =
      Map.of(
          JUSTICE, new Who(JUSTICE, "issuer1", "issuer", ALL_TYPES),
          SERVICES, new Who(SERVICES, "issuer2", "issuer", ALL_TYPES));
  private static final Map<String, String> NAMESPACES =
      Map.of(JUSTICE, JUSTICE_NS, SERVICES, SERVICES_NS);

  private static final String HASH = "d".repeat(64);
  private static final String SUBJECT = "s".repeat(64);
  private static final String DETAILS =
      CanonicalJson.toJson(
          new PrivateDetails("0123456789abcdef0123456789abcdef", new TreeMap<>(Map.of("n", "x"))));

  @Test
  void localVerdictEqualsTheContractsInGeneratedScenarios() {
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    int comparisons = 0;
    SplittableRandom seeds = new SplittableRandom(SEED);
    for (int i = 0; i < SCENARIOS; i++) {
      Scenario scenario = new Scenario(seeds.nextLong());
      scenario.play(12 + scenario.random.nextInt(24));
      comparisons += scenario.compareAll(verdicts);
    }
    System.out.printf(
        "LocalVerdictAgreementTest: %d scenarios, %d comparisons, verdicts %s%n",
        SCENARIOS, comparisons, verdicts);
    assertThat(verdicts.keySet())
        .as("verdicts reached by the scenarios: %s", verdicts)
        .containsExactlyInAnyOrder(Verdict.values());
    assertThat(comparisons).isGreaterThan(10_000);
  }

  @Test
  void aChainLongerThanTheHopLimitNamesTheSameRecordInForce() {
    Scenario scenario = new Scenario(1);
    scenario.register(
        JUSTICE, BASE.minus(Duration.ofDays(1)), BASE.minus(Duration.ofDays(30)), null, TYPES);
    Instant t = BASE;
    String previous = scenario.anchor(JUSTICE, "chain-0", TYPES.get(0), t, t, null, false);
    int links = LocalVerdict.MAX_SUPERSESSION_HOPS + 4;
    for (int i = 1; i <= links; i++) {
      t = t.plusSeconds(60);
      previous = scenario.supersede(JUSTICE, previous, "chain-" + i, TYPES.get(0), t, t, null);
    }
    assertThat(previous).isEqualTo("chain-" + links);
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    for (int i = 0; i <= links; i++) {
      scenario.compare(JUSTICE_NS, "chain-" + i, t, verdicts);
      scenario.compare(JUSTICE_NS, "chain-" + i, BASE.plusSeconds(60L * i), verdicts);
    }
    assertThat(verdicts).containsKeys(Verdict.SUPERSEDED, Verdict.VALID);
  }

  @Test
  void aGovernanceChangeStampedBeforeTheOneItFollowsTakesEffectWithItInBoth() {
    // Client-asserted timestamps: the change committed last (BIRTH only) is stamped 01:00, before
    // the one it follows (MARRIAGE only, 02:00); it takes effect at 02:00, so at 03:00 BIRTH is
    // allowed, in the contract and in the library alike.
    Scenario scenario = new Scenario(3);
    scenario.register(
        JUSTICE,
        BASE.minus(Duration.ofDays(1)),
        BASE.minus(Duration.ofDays(30)),
        null,
        List.of(TYPES.get(0)));
    String birth = CanonicalJson.toJson(List.of(TYPES.get(0)));
    String marriage = CanonicalJson.toJson(List.of(TYPES.get(2)));
    assertThat(
            scenario
                .governanceReply(
                    BASE.plus(Duration.ofHours(2)),
                    "governance:SetDocumentTypes",
                    JUSTICE,
                    marriage)
                .ok())
        .isTrue();
    assertThat(
            scenario
                .governanceReply(
                    BASE.plus(Duration.ofHours(1)), "governance:SetDocumentTypes", JUSTICE, birth)
                .ok())
        .isTrue();
    Instant anchored = BASE.plus(Duration.ofHours(3));
    scenario.anchor(JUSTICE, "r1", TYPES.get(0), anchored, anchored, null, false);
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    scenario.compare(JUSTICE_NS, "r1", anchored.plusSeconds(1), verdicts);
    assertThat(verdicts).containsOnlyKeys(Verdict.VALID);
  }

  @Test
  void withoutAnInstantTheContractsTransactionTimeIsTheInstant() {
    Scenario scenario = new Scenario(2);
    scenario.register(
        JUSTICE, BASE.minus(Duration.ofDays(1)), BASE.minus(Duration.ofDays(30)), null, TYPES);
    Instant from = BASE.plus(Duration.ofDays(1));
    Instant until = BASE.plus(Duration.ofDays(2));
    scenario.anchor(JUSTICE, "r1", TYPES.get(0), BASE, from, until, false);
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    for (Instant at : List.of(BASE, from.minusMillis(1), from, until.minusMillis(1), until)) {
      scenario.compareWithoutInstant(JUSTICE_NS, "r1", at, verdicts);
      scenario.compareWithoutInstant(JUSTICE_NS, "missing", at, verdicts);
    }
    assertThat(verdicts)
        .containsKeys(Verdict.NOT_YET_VALID, Verdict.VALID, Verdict.EXPIRED, Verdict.UNKNOWN);
  }

  /** One generated ledger, and the comparisons made on it. */
  private static final class Scenario {
    final long seed;
    final SplittableRandom random;
    final ContractHarness harness = new ContractHarness();
    final List<String> log = new ArrayList<>();

    /** Ids asked about per namespace, with the instants worth asking about for each. */
    final Map<String, Map<String, TreeSet<Instant>>> asked = new TreeMap<>();

    /** Successfully anchored ids per namespace that may still change. */
    final Map<String, List<String>> live = new TreeMap<>();

    final TreeSet<Instant> instants = new TreeSet<>();

    /** The document types governance was last told for each agency. */
    final Map<String, List<String>> typesOf = new TreeMap<>();

    Instant clock = BASE;
    Instant last = BASE;
    int counter;

    Scenario(long seed) {
      this.seed = seed;
      this.random = new SplittableRandom(seed);
      for (String ns : List.of(JUSTICE_NS, SERVICES_NS, NOBODY_NS)) {
        asked.put(ns, new TreeMap<>());
        live.put(ns, new ArrayList<>());
      }
    }

    void play(int operations) {
      for (String msp : List.of(JUSTICE, SERVICES)) {
        Instant registered = BASE.minus(Duration.ofMinutes(random.nextInt(240)));
        Instant activeFrom =
            random.nextInt(4) == 0
                ? BASE.plus(Duration.ofMinutes(random.nextInt(48 * 60)))
                : BASE.minus(Duration.ofDays(365));
        Instant activeUntil =
            random.nextInt(6) == 0
                ? activeFrom.plus(Duration.ofHours(12 + random.nextInt(72)))
                : null;
        register(msp, registered, activeFrom, activeUntil, randomTypes());
      }
      for (int i = 0; i < operations; i++) {
        String msp = random.nextBoolean() ? JUSTICE : SERVICES;
        int op = random.nextInt(100);
        boolean governance = op >= 33 && op < 59;
        Instant ts = nextTimestamp(governance ? 40 : 15);
        if (op < 28) {
          anchorRandom(msp, ts);
        } else if (op < 33) {
          batch(msp, ts);
        } else if (op < 45) {
          setTypes(msp, ts);
        } else if (op < 52) {
          governance(ts, "governance:SuspendAgency", msp, "AUDIT_FINDING");
        } else if (op < 59) {
          governance(ts, "governance:ReinstateAgency", msp);
        } else if (op < 70) {
          change(msp, ts, "records:Revoke", "ISSUED_IN_ERROR");
        } else if (op < 88) {
          supersedeRandom(msp, ts);
        } else if (op < 93) {
          change(msp, ts, "records:PurgeDetails");
        } else {
          decision(msp, ts);
        }
      }
      asked.get(JUSTICE_NS).putIfAbsent("never-anchored", new TreeSet<>());
      asked.get(SERVICES_NS).putIfAbsent("never-anchored", new TreeSet<>());
      List<String> justiceIds = List.copyOf(asked.get(JUSTICE_NS).keySet());
      for (int i = 0; i < 3; i++) {
        String id = justiceIds.get(random.nextInt(justiceIds.size()));
        asked.get(NOBODY_NS).putIfAbsent(id, new TreeSet<>());
        asked.get(SERVICES_NS).putIfAbsent(id, new TreeSet<>());
      }
    }

    /**
     * Mostly later than the last; sometimes the same instant, sometimes (with the given percentage)
     * backdated, as a submitter with a skewed clock asserts it.
     */
    Instant nextTimestamp(int backdatedPercent) {
      int kind = random.nextInt(100);
      if (kind < 6) {
        return last;
      }
      if (kind < 6 + backdatedPercent) {
        last = clock.minus(Duration.ofMinutes(1 + random.nextInt(300)));
      } else {
        clock = clock.plus(Duration.ofMinutes(1 + random.nextInt(180))).plusMillis(pickMillis());
        last = clock;
      }
      return last;
    }

    long pickMillis() {
      return random.nextInt(3) == 0 ? random.nextInt(1000) : 0;
    }

    void register(
        String msp,
        Instant timestamp,
        Instant activeFrom,
        Instant activeUntil,
        List<String> types) {
      String request =
          CanonicalJson.toJson(
              AgencyRequest.builder()
                  .msp(msp)
                  .displayName(msp + " agency")
                  .namespace(NAMESPACES.get(msp))
                  .documentTypes(types)
                  .activeFrom(activeFrom.toString())
                  .activeUntil(activeUntil == null ? null : activeUntil.toString())
                  .build());
      Reply reply = govern(timestamp, "RegisterAgency", request);
      assertThat(reply.ok()).as("%s", reply).isTrue();
      typesOf.put(msp, types);
      instants.add(timestamp);
      instants.add(activeFrom);
    }

    List<String> randomTypes() {
      List<String> types = new ArrayList<>();
      for (String type : TYPES) {
        if (random.nextInt(10) < 7) {
          types.add(type);
        }
      }
      return types;
    }

    void setTypes(String msp, Instant ts) {
      List<String> types = randomTypes();
      Reply reply = govern(ts, "SetDocumentTypes", msp, CanonicalJson.toJson(types));
      if (reply.ok()) {
        typesOf.put(msp, types);
      }
      instants.add(ts);
    }

    /** Mostly a type governance lists for the agency now, sometimes any type. */
    String type(String msp) {
      List<String> listed = typesOf.getOrDefault(msp, List.of());
      List<String> from = random.nextInt(4) > 0 && !listed.isEmpty() ? listed : TYPES;
      return from.get(random.nextInt(from.size()));
    }

    void governance(Instant ts, String function, String... args) {
      governanceReply(ts, function, args);
    }

    Reply governanceReply(Instant ts, String function, String... args) {
      instants.add(ts);
      return govern(ts, function.substring(GOVERNANCE.length() + 1), args);
    }

    void anchorRandom(String msp, Instant ts) {
      String type = type(msp);
      Instant from = validFrom(ts);
      anchor(msp, "c" + ++counter, type, ts, from, validUntil(from), random.nextBoolean());
    }

    Instant validFrom(Instant ts) {
      return switch (random.nextInt(6)) {
        case 0 -> ts.minus(Duration.ofDays(30));
        case 1 -> ts.minus(Duration.ofHours(1));
        case 2 -> ts.plus(Duration.ofHours(1));
        case 3 -> ts.plus(Duration.ofDays(10));
        default -> ts;
      };
    }

    Instant validUntil(Instant from) {
      return switch (random.nextInt(6)) {
        case 0 -> from.plusSeconds(1);
        case 1 -> from.plus(Duration.ofHours(1));
        case 2 -> from.plus(Duration.ofDays(2));
        case 3 -> from.plus(Duration.ofDays(400));
        default -> null;
      };
    }

    CertificateRequest certificate(String id, String type, Instant from, Instant until) {
      return CertificateRequest.builder()
          .id(id)
          .documentType(type)
          .documentHash(HASH)
          .subjectRef(SUBJECT)
          .validFrom(from.toString())
          .validUntil(until == null ? null : until.toString())
          .build();
    }

    /** Anchors one certificate; returns its id (whether or not the contract accepted it). */
    String anchor(
        String msp,
        String id,
        String type,
        Instant ts,
        Instant from,
        Instant until,
        boolean details) {
      Reply reply =
          submit(
              ISSUERS.get(msp),
              ts,
              details ? Map.of(ContractHarness.DETAILS_KEY, DETAILS) : Map.of(),
              NAMESPACES.get(msp),
              "AnchorCertificate",
              CanonicalJson.toJson(certificate(id, type, from, until)));
      noteRecord(msp, id, reply.ok(), ts, from, until);
      return id;
    }

    void batch(String msp, Instant ts) {
      List<CertificateRequest> requests = new ArrayList<>();
      Map<String, String> details = new TreeMap<>();
      int size = 1 + random.nextInt(3);
      for (int i = 0; i < size; i++) {
        String id = "b" + ++counter;
        Instant from = validFrom(ts);
        requests.add(certificate(id, type(msp), from, null));
        if (random.nextBoolean()) {
          details.put(ContractHarness.BATCH_DETAILS_PREFIX + id, DETAILS);
        }
      }
      Reply reply =
          submit(
              ISSUERS.get(msp),
              ts,
              details,
              NAMESPACES.get(msp),
              "AnchorBatch",
              CanonicalJson.toJson(new BatchRequest(requests)));
      for (CertificateRequest request : requests) {
        noteRecord(msp, request.id(), reply.ok(), ts, Instant.parse(request.validFrom()), null);
      }
    }

    void decision(String msp, Instant ts) {
      String applicationId = "app" + ++counter;
      Who issuer = ISSUERS.get(msp);
      String ns = NAMESPACES.get(msp);
      submit(
          issuer,
          ts,
          Map.of(),
          ns,
          "RecordApplication",
          CanonicalJson.toJson(
              ApplicationRequest.builder()
                  .applicationId(applicationId)
                  .serviceCode("PERMIT_SERVICE")
                  .receivedAt(ts.minusSeconds(3600) + "")
                  .build()));
      Instant decided = nextTimestamp(15);
      String id = "d" + counter;
      DecisionOutcome outcome =
          DecisionOutcome.values()[random.nextInt(DecisionOutcome.values().length)];
      Reply reply =
          submit(
              issuer,
              decided,
              Map.of(),
              ns,
              "RecordDecision",
              CanonicalJson.toJson(
                  DecisionRequest.builder()
                      .id(id)
                      .applicationId(applicationId)
                      .outcome(outcome)
                      .legalBasis("Act-12/s3")
                      .documentType(type(msp))
                      .documentHash(HASH)
                      .subjectRef(SUBJECT)
                      .build()));
      noteRecord(msp, id, reply.ok(), decided, decided, null);
    }

    /** Supersedes a live record (or, now and then, any record); returns the new id. */
    String supersede(
        String msp,
        String oldId,
        String newId,
        String type,
        Instant ts,
        Instant from,
        Instant until) {
      Reply reply =
          submit(
              ISSUERS.get(msp),
              ts,
              random.nextBoolean() ? Map.of(ContractHarness.DETAILS_KEY, DETAILS) : Map.of(),
              NAMESPACES.get(msp),
              "Supersede",
              oldId,
              CanonicalJson.toJson(certificate(newId, type, from, until)));
      if (reply.ok()) {
        live.get(NAMESPACES.get(msp)).remove(oldId);
      }
      noteChange(msp, oldId, ts);
      noteRecord(msp, newId, reply.ok(), ts, from, until);
      return newId;
    }

    void supersedeRandom(String msp, Instant ts) {
      String oldId = pick(msp);
      if (oldId == null) {
        anchorRandom(msp, ts);
        return;
      }
      String type = type(msp);
      Instant from = validFrom(ts);
      supersede(msp, oldId, "c" + ++counter, type, ts, from, validUntil(from));
    }

    void change(String msp, Instant ts, String function, String... extra) {
      String id = pick(msp);
      if (id == null) {
        anchorRandom(msp, ts);
        return;
      }
      String[] args = new String[extra.length + 1];
      args[0] = id;
      System.arraycopy(extra, 0, args, 1, extra.length);
      Reply reply =
          submit(
              ISSUERS.get(msp),
              ts,
              Map.of(),
              NAMESPACES.get(msp),
              function.substring("records:".length()),
              args);
      if (reply.ok() && function.endsWith("Revoke")) {
        live.get(NAMESPACES.get(msp)).remove(id);
      }
      noteChange(msp, id, ts);
    }

    /** Mostly a live record of the agency, sometimes any record it was asked to anchor. */
    String pick(String msp) {
      String ns = NAMESPACES.get(msp);
      List<String> candidates =
          random.nextInt(5) > 0 && !live.get(ns).isEmpty()
              ? live.get(ns)
              : List.copyOf(asked.get(ns).keySet());
      return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    void noteRecord(String msp, String id, boolean ok, Instant ts, Instant from, Instant until) {
      String ns = NAMESPACES.get(msp);
      TreeSet<Instant> own = asked.get(ns).computeIfAbsent(id, k -> new TreeSet<>());
      for (Instant t : new Instant[] {ts, from, until}) {
        if (t != null) {
          own.add(t);
          instants.add(t);
        }
      }
      if (ok) {
        live.get(ns).add(id);
      }
    }

    void noteChange(String msp, String id, Instant ts) {
      asked.get(NAMESPACES.get(msp)).computeIfAbsent(id, k -> new TreeSet<>()).add(ts);
      instants.add(ts);
    }

    /** A governance change approved by a majority of the harness's consortium, logged. */
    Reply govern(Instant ts, String function, String... args) {
      Reply reply = harness.govern(ts, "governance:" + function, args);
      log.add(
          ts
              + " majority "
              + GOVERNANCE
              + " "
              + function
              + " "
              + String.join(" ", args)
              + " -> "
              + (reply.ok() ? "OK" : reply.code()));
      return reply;
    }

    Reply submit(
        Who who,
        Instant ts,
        Map<String, String> transientData,
        String chaincode,
        String function,
        String... args) {
      String prefixed = (GOVERNANCE.equals(chaincode) ? "governance:" : "records:") + function;
      Reply reply = harness.submit(who, ts, transientData, chaincode, prefixed, args);
      log.add(
          ts
              + " "
              + who.msp()
              + " "
              + chaincode
              + " "
              + function
              + " "
              + String.join(" ", args)
              + " -> "
              + (reply.ok() ? "OK" : reply.code()));
      return reply;
    }

    /** Compares every asked id at its own instants and at a few random ones. */
    int compareAll(Map<Verdict, Integer> verdicts) {
      List<Instant> all = new ArrayList<>(instants);
      all.add(BASE.minus(Duration.ofDays(3650)));
      all.add(clock.plus(Duration.ofDays(3650)));
      int comparisons = 0;
      for (Map.Entry<String, Map<String, TreeSet<Instant>>> ns : asked.entrySet()) {
        for (Map.Entry<String, TreeSet<Instant>> id : ns.getValue().entrySet()) {
          TreeSet<Instant> at = new TreeSet<>();
          for (Instant t : id.getValue()) {
            at.add(t.minusMillis(1));
            at.add(t);
            at.add(t.plusMillis(1));
          }
          for (int i = 0; i < 4; i++) {
            at.add(all.get(random.nextInt(all.size())));
          }
          for (Instant t : at) {
            compare(ns.getKey(), id.getKey(), t, verdicts);
            comparisons++;
          }
          if (random.nextInt(8) == 0) {
            compareWithoutInstant(ns.getKey(), id.getKey(), at.last(), verdicts);
            comparisons++;
          }
        }
      }
      return comparisons;
    }

    void compare(String ns, String id, Instant at, Map<Verdict, Integer> verdicts) {
      Reply reply =
          harness.evaluate(VERIFIER, clock, ns, "records:VerifyRecord", id, at.toString());
      agree(ns, id, at, reply, verdicts);
    }

    /** The contract without an instant, in a transaction at {@code at}. */
    void compareWithoutInstant(String ns, String id, Instant at, Map<Verdict, Integer> verdicts) {
      Reply reply = harness.evaluate(VERIFIER, at, ns, "records:VerifyRecord", id, "");
      agree(ns, id, at, reply, verdicts);
    }

    void agree(String ns, String id, Instant at, Reply reply, Map<Verdict, Integer> verdicts) {
      String where = "seed " + seed + ", " + ns + " " + id + " at " + at;
      assertThat(reply.ok()).as("contract VerifyRecord, %s: %s", where, reply).isTrue();
      Verification contract = CanonicalJson.fromJson(reply.payload(), Verification.class);
      Verification local;
      try {
        local = new LocalVerdict(new HarnessReads(harness, clock)).verify(ns, id, at);
      } catch (RegistryException e) {
        throw new AssertionError(where, e);
      }
      String context = where + "\nledger:\n  " + String.join("\n  ", log);
      assertThat(local.verdict()).as("verdict, %s", context).isEqualTo(contract.verdict());
      assertThat(local.issuer()).as("issuer, %s", context).isEqualTo(contract.issuer());
      assertThat(local.currentRecordId())
          .as("currentRecordId, %s", context)
          .isEqualTo(contract.currentRecordId());
      assertThat(local.record()).as("record, %s", context).isEqualTo(contract.record());
      assertThat(local).as("verification, %s", context).isEqualTo(contract);
      verdicts.merge(contract.verdict(), 1, Integer::sum);
    }
  }

  /** The four reads of a local verdict, evaluated on the harness's contracts. */
  private static final class HarnessReads implements LocalVerdict.Reads {
    private final ContractHarness harness;
    private final Instant now;

    HarnessReads(ContractHarness harness, Instant now) {
      this.harness = harness;
      this.now = now;
    }

    @Override
    public List<RecordHistoryEntry> history(String namespace, String id) {
      Reply reply = harness.evaluate(VERIFIER, now, namespace, "records:GetHistory", id);
      return absent(reply, ErrorCode.RECORD_NOT_FOUND)
          ? List.of()
          : List.of(CanonicalJson.fromJson(reply.payload(), RecordHistoryEntry[].class));
    }

    @Override
    public AgencyEntry agencyByNamespace(String namespace) {
      Reply reply =
          harness.evaluate(VERIFIER, now, GOVERNANCE, "governance:GetAgencyByNamespace", namespace);
      return absent(reply, ErrorCode.AGENCY_NOT_FOUND)
          ? null
          : CanonicalJson.fromJson(reply.payload(), AgencyEntry.class);
    }

    @Override
    public AgencyEntry agencyAt(String msp, Instant at) {
      Reply reply =
          harness.evaluate(VERIFIER, now, GOVERNANCE, "governance:GetAgencyAt", msp, at.toString());
      return absent(reply, ErrorCode.AGENCY_NOT_FOUND)
          ? null
          : CanonicalJson.fromJson(reply.payload(), AgencyEntry.class);
    }

    @Override
    public RegistryRecord record(String namespace, String id) {
      Reply reply = harness.evaluate(VERIFIER, now, namespace, "records:GetRecord", id);
      return absent(reply, ErrorCode.RECORD_NOT_FOUND)
          ? null
          : CanonicalJson.fromJson(reply.payload(), RegistryRecord.class);
    }

    private static boolean absent(Reply reply, ErrorCode notFound) {
      if (reply.ok()) {
        return false;
      }
      if (reply.code() == notFound) {
        return true;
      }
      throw new AssertionError("read refused: " + reply);
    }
  }
}
