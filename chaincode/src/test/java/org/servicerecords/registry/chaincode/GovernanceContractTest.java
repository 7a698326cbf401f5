package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.*;
import static org.servicerecords.registry.chaincode.Outcomes.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.AgencyHistoryEntry;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.NamespaceAgency;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.testing.Network;

class GovernanceContractTest {

  private Network network;

  @BeforeEach
  void consortium() {
    network = Fixtures.consortium();
  }

  private Network.Call governance(String function, String... args) {
    return network.call(GOVERNANCE, "governance:" + function, args);
  }

  private AgencyEntry agency(String json) {
    return CanonicalJson.fromJson(json, AgencyEntry.class);
  }

  private static GovernanceChange change(String json) {
    return CanonicalJson.fromJson(json, GovernanceChange.class);
  }

  @Nested
  class RegisterAgency {

    @Test
    void storesTheEntryAndTheNamespaceMappingAndEmitsOneEvent() {
      Network.Result result =
          govern(
              network,
              "RegisterAgency",
              Fixtures.agency("DigitalMSP", "records-digital", List.of("Z", "A")));
      GovernanceChange change = change(assertOk(result));
      assertThat(change.applied()).isTrue();
      assertThat(change.approvals()).containsExactly(JUSTICE, SERVICES);
      AgencyEntry entry = change.agency();
      assertThat(entry.documentTypes()).containsExactly("A", "Z");
      assertThat(entry.suspended()).isFalse();
      assertThat(entry.actor().role()).isEqualTo("admin");
      assertThat(entry.actor().msp()).isEqualTo(SERVICES);
      assertThat(entry.txId()).isEqualTo(result.txId());
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactlyInAnyOrder(
              "PUT \\0agency\\0DigitalMSP\\0",
              "PUT \\0agency~versions\\0DigitalMSP\\0",
              "PUT \\0agency~ns\\0records-digital\\0",
              "PUT \\0approval\\0" + change.changeId() + "\\0" + SERVICES + "\\0");
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry("DigitalMSP", "AGENCY", "REGISTERED"));
      assertThat(
              agency(
                  assertOk(
                      governance("GetAgencyByNamespace", "records-digital")
                          .by(AUDITOR)
                          .evaluate())))
          .isEqualTo(entry);
    }

    @Test
    void refusesANonAdminAnExistingMspAndATakenNamespace() {
      String request = Fixtures.agency("DigitalMSP", "records-digital", List.of());
      assertRefused(
          governance("RegisterAgency", request).by(JUSTICE_ISSUER).submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          governance("RegisterAgency", Fixtures.agency(JUSTICE, "records-new", List.of()))
              .by(JUSTICE_ADMIN)
              .submit(),
          ErrorCode.ALREADY_EXISTS);
      assertRefused(
          governance("RegisterAgency", Fixtures.agency("DigitalMSP", JUSTICE_NS, List.of()))
              .by(JUSTICE_ADMIN)
              .submit(),
          ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void refusesAnApprovalWhoseTimeIsBeyondTheToleranceOfTheEndorsingPeersClock() {
      String request = Fixtures.agency("DigitalMSP", "records-digital", List.of());
      java.time.Instant asserted = network.now();
      for (java.time.Duration skew :
          List.of(java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(-301))) {
        Network.Result result =
            governance("RegisterAgency", request)
                .by(JUSTICE_ADMIN)
                .at(asserted)
                .endorserClockAt(asserted.plus(skew))
                .submit();
        assertRefused(result, ErrorCode.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(result.writes()).isEmpty();
      }
      Network.Result atTheLimit =
          governance("RegisterAgency", request)
              .by(JUSTICE_ADMIN)
              .at(asserted)
              .endorserClockAt(asserted.plusSeconds(300))
              .submit();
      assertThat(atTheLimit.ok()).as(atTheLimit.message()).isTrue();
    }

    @Test
    void refusesBadFields() {
      List<AgencyRequest> bad =
          List.of(
              new AgencyRequest(
                  "Bad MSP", "x", "records-x", List.of(), "2024-01-01T00:00:00Z", null),
              new AgencyRequest("XMSP", " ", "records-x", List.of(), "2024-01-01T00:00:00Z", null),
              new AgencyRequest("XMSP", "x", "Records X", List.of(), "2024-01-01T00:00:00Z", null),
              new AgencyRequest("XMSP", "x", "governance", List.of(), "2024-01-01T00:00:00Z", null),
              new AgencyRequest(
                  "XMSP", "x", "records-x", List.of("A", "A"), "2024-01-01T00:00:00Z", null),
              new AgencyRequest("XMSP", "x", "records-x", null, "2024-01-01T00:00:00Z", null),
              new AgencyRequest(
                  "XMSP",
                  "x",
                  "records-x",
                  List.of(),
                  "2024-01-01T00:00:00Z",
                  "2023-01-01T00:00:00Z"),
              new AgencyRequest("XMSP", "x", "records-x", List.of(), "soon", null));
      for (AgencyRequest request : bad) {
        assertRefused(
            governance("RegisterAgency", json(request)).by(JUSTICE_ADMIN).submit(),
            ErrorCode.INVALID_ARGUMENT);
      }
    }
  }

  @Nested
  class SetDocumentTypes {

    @Test
    void replacesTheTypesSorted() {
      Network.Result result = govern(network, "SetDocumentTypes", JUSTICE, "[\"B\",\"A\"]");
      AgencyEntry entry = applied(assertOk(result));
      assertThat(entry.documentTypes()).containsExactly("A", "B");
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry(JUSTICE, "AGENCY", "TYPES_CHANGED"));
    }

    @Test
    void refusesAnUnknownAgencyANonAdminAndMalformedLists() {
      assertRefused(
          governance("SetDocumentTypes", "NoMSP", "[]").by(JUSTICE_ADMIN).submit(),
          ErrorCode.AGENCY_NOT_FOUND);
      assertRefused(
          governance("SetDocumentTypes", JUSTICE, "[]").by(JUSTICE_CLERK).submit(),
          ErrorCode.NOT_AUTHORIZED);
      for (String bad : List.of("", "{}", "[1.5]", "[\"a b\"]", "[\"A\",\"A\"]", "[")) {
        assertRefused(
            governance("SetDocumentTypes", JUSTICE, bad).by(JUSTICE_ADMIN).submit(),
            ErrorCode.INVALID_ARGUMENT);
      }
    }
  }

  @Nested
  class SuspendAndReinstate {

    @Test
    void toggleTheSuspensionOnceEach() {
      Network.Result suspended = govern(network, "SuspendAgency", JUSTICE, "AUDIT");
      assertThat(applied(assertOk(suspended)).suspended()).isTrue();
      assertThat(assertOneEvent(suspended).entries())
          .containsExactly(new RecordEvent.Entry(JUSTICE, "AGENCY", "SUSPENDED"));
      assertRefused(
          governance("SuspendAgency", JUSTICE, "AUDIT").by(JUSTICE_ADMIN).submit(),
          ErrorCode.INVALID_STATE);
      Network.Result reinstated = govern(network, "ReinstateAgency", JUSTICE);
      assertThat(applied(assertOk(reinstated)).suspended()).isFalse();
      assertThat(assertOneEvent(reinstated).entries())
          .containsExactly(new RecordEvent.Entry(JUSTICE, "AGENCY", "REINSTATED"));
      assertRefused(
          governance("ReinstateAgency", JUSTICE).by(JUSTICE_ADMIN).submit(),
          ErrorCode.INVALID_STATE);
    }

    /**
     * A reinstatement stamped before the suspension it follows takes effect together with it; a
     * suspension stamped in the future is overridden by the reinstatement committed after it, so no
     * timestamp locks an agency.
     */
    @Test
    void aChangeStampedBeforeTheLastOneTakesEffectWithItAndAFutureOneLocksNothing() {
      Network.Result suspended = govern(network, "SuspendAgency", JUSTICE, "AUDIT");
      Instant suspendedAt = suspended.timestamp();
      Network.Result reinstated =
          governAt(network, suspendedAt.minusSeconds(60), "ReinstateAgency", JUSTICE);
      assertThat(change(assertOk(reinstated)).applied()).isTrue();
      assertThat(agencyAt(suspendedAt).suspended()).isFalse();
      assertThat(agencyAt(suspendedAt.minusSeconds(1)).suspended()).isFalse();

      Instant nextYear = network.now().plus(java.time.Duration.ofDays(365));
      governAt(network, nextYear, "SuspendAgency", JUSTICE, "AUDIT");
      assertThat(agencyAt(network.now()).suspended()).isFalse();
      assertThat(agencyAt(nextYear).suspended()).isTrue();
      Network.Result undone = govern(network, "ReinstateAgency", JUSTICE);
      assertThat(change(assertOk(undone)).applied()).isTrue();
      assertThat(agencyAt(nextYear).suspended()).isFalse();
    }

    @Test
    void aSuspensionCommittedAfterAFutureDatedChangeIsInForceAtOnce() {
      Instant nextYear = network.now().plus(java.time.Duration.ofDays(365));
      governAt(network, nextYear, "SetDocumentTypes", JUSTICE, "[\"BIRTH_CERTIFICATE\"]");
      Network.Result suspended = govern(network, "SuspendAgency", JUSTICE, "AUDIT");
      assertThat(change(assertOk(suspended)).applied()).isTrue();
      assertThat(agencyAt(suspended.timestamp()).suspended()).isTrue();
      assertThat(
              assertOk(
                  governance(
                          "IsAuthorized",
                          JUSTICE,
                          "BIRTH_CERTIFICATE",
                          suspended.timestamp().toString())
                      .by(JUSTICE_ADMIN)
                      .evaluate()))
          .isEqualTo("false");
      assertThat(agencyAt(nextYear).suspended()).isTrue();
    }

    private AgencyEntry agencyAt(Instant at) {
      return agency(
          assertOk(governance("GetAgencyAt", JUSTICE, at.toString()).by(JUSTICE_ADMIN).evaluate()));
    }

    @Test
    void keepTheSuspensionReasonUntilReinstatementClearsIt() {
      AgencyEntry suspended =
          applied(assertOk(govern(network, "SuspendAgency", JUSTICE, "AUDIT_FINDING")));
      assertThat(suspended.suspensionReason()).isEqualTo("AUDIT_FINDING");

      AgencyEntry typesChanged =
          applied(
              assertOk(govern(network, "SetDocumentTypes", JUSTICE, "[\"BIRTH_CERTIFICATE\"]")));
      assertThat(typesChanged.suspensionReason()).isEqualTo("AUDIT_FINDING");

      AgencyEntry reinstated = applied(assertOk(govern(network, "ReinstateAgency", JUSTICE)));
      assertThat(reinstated.suspended()).isFalse();
      assertThat(reinstated.suspensionReason()).isNull();
    }

    @Test
    void refuseANonAdminAndAnUnknownAgency() {
      assertRefused(
          governance("SuspendAgency", JUSTICE, "AUDIT").by(JUSTICE_ISSUER).submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          governance("SuspendAgency", "NoMSP", "AUDIT").by(JUSTICE_ADMIN).submit(),
          ErrorCode.AGENCY_NOT_FOUND);
      assertRefused(
          governance("ReinstateAgency", "NoMSP").by(JUSTICE_ADMIN).submit(),
          ErrorCode.AGENCY_NOT_FOUND);
    }
  }

  @Nested
  class Queries {

    @Test
    void listAgenciesOrderedByMsp() {
      AgencyEntry[] all =
          CanonicalJson.fromJson(
              assertOk(governance("ListAgencies").by(AUDITOR).evaluate()), AgencyEntry[].class);
      assertThat(all).extracting(AgencyEntry::msp).containsExactly(JUSTICE, SERVICES);
    }

    @Test
    void answerAsOfAnInstantFromHistory() {
      String registered =
          agency(assertOk(governance("GetAgency", JUSTICE).by(AUDITOR).evaluate())).timestamp();
      network.advance(Duration.ofDays(1));
      String beforeChange = network.now().minusSeconds(1).toString();
      assertOk(govern(network, "SetDocumentTypes", JUSTICE, "[\"" + MARRIAGE + "\"]"));

      AgencyEntry then =
          agency(assertOk(governance("GetAgencyAt", JUSTICE, beforeChange).by(AUDITOR).evaluate()));
      assertThat(then.documentTypes()).contains(BIRTH);
      assertThat(
              assertOk(
                  governance("IsAuthorized", JUSTICE, BIRTH, beforeChange).by(AUDITOR).evaluate()))
          .isEqualTo("true");
      assertThat(
              assertOk(
                  governance("IsAuthorized", JUSTICE, BIRTH, network.now().toString())
                      .by(AUDITOR)
                      .evaluate()))
          .isEqualTo("false");
      assertThat(
              assertOk(
                  governance("IsAuthorized", JUSTICE, BIRTH, "2020-01-01T00:00:00Z")
                      .by(AUDITOR)
                      .evaluate()))
          .isEqualTo("false");
      assertRefused(
          governance("GetAgencyAt", JUSTICE, "2020-01-01T00:00:00Z").by(AUDITOR).evaluate(),
          ErrorCode.AGENCY_NOT_FOUND);

      AgencyHistoryEntry[] history =
          CanonicalJson.fromJson(
              assertOk(governance("GetAgencyHistory", JUSTICE).by(AUDITOR).evaluate()),
              AgencyHistoryEntry[].class);
      assertThat(history).hasSize(2);
      assertThat(history[0].agency().documentTypes()).containsExactly(MARRIAGE);
      assertThat(history[1].timestamp()).isEqualTo(registered);
    }

    @Test
    void namespaceAgencyAnswersTheCurrentEntryAndItsHistoryNewestFirst() {
      network.advance(Duration.ofDays(1));
      assertOk(govern(network, "SetDocumentTypes", JUSTICE, "[\"" + MARRIAGE + "\"]"));

      NamespaceAgency answer =
          CanonicalJson.fromJson(
              assertOk(governance("GetNamespaceAgency", JUSTICE_NS).by(AUDITOR).evaluate()),
              NamespaceAgency.class);

      assertThat(answer.agency())
          .isEqualTo(agency(assertOk(governance("GetAgency", JUSTICE).by(AUDITOR).evaluate())));
      assertThat(answer.history())
          .containsExactly(
              CanonicalJson.fromJson(
                  assertOk(governance("GetAgencyHistory", JUSTICE).by(AUDITOR).evaluate()),
                  AgencyHistoryEntry[].class));
      Instant registered = Instant.parse(answer.history().get(1).timestamp());
      assertThat(answer.at(registered))
          .isEqualTo(
              agency(
                  assertOk(
                      governance("GetAgencyAt", JUSTICE, registered.toString())
                          .by(AUDITOR)
                          .evaluate())));
      assertThat(answer.at(registered.minusSeconds(1))).isNull();
      assertRefused(
          governance("GetNamespaceAgency", "records-none").by(AUDITOR).evaluate(),
          ErrorCode.AGENCY_NOT_FOUND);
    }

    @Test
    void keepTheVersionsInStateAsFabricsHistoryListsThemAlsoForAnEntryOlderThanTheVersionsKey() {
      String versionsKey = "\u0000agency~versions\u0000" + JUSTICE + "\u0000";
      network.advance(Duration.ofDays(1));
      assertOk(govern(network, "SetDocumentTypes", JUSTICE, "[\"" + MARRIAGE + "\"]"));
      assertThat(network.ledger(GOVERNANCE).state()).containsKey(versionsKey);
      assertThat(namespaceHistory()).hasSize(2).isEqualTo(fabricHistory());

      // An entry last changed before the versions key existed: read from history, and its next
      // change writes the key with every version.
      network.ledger(GOVERNANCE).state().remove(versionsKey);
      assertThat(namespaceHistory()).isEqualTo(fabricHistory());
      network.advance(Duration.ofDays(1));
      assertOk(govern(network, "SetDocumentTypes", JUSTICE, "[\"" + BIRTH + "\"]"));

      assertThat(network.ledger(GOVERNANCE).state()).containsKey(versionsKey);
      assertThat(namespaceHistory()).hasSize(3).isEqualTo(fabricHistory());
    }

    private List<AgencyHistoryEntry> namespaceHistory() {
      return CanonicalJson.fromJson(
              assertOk(governance("GetNamespaceAgency", JUSTICE_NS).by(AUDITOR).evaluate()),
              NamespaceAgency.class)
          .history();
    }

    private List<AgencyHistoryEntry> fabricHistory() {
      return List.of(
          CanonicalJson.fromJson(
              assertOk(governance("GetAgencyHistory", JUSTICE).by(AUDITOR).evaluate()),
              AgencyHistoryEntry[].class));
    }

    @Test
    void refuseUnknownAgenciesAndNamespacesWithAgencyNotFound() {
      assertRefused(
          governance("GetAgency", "NoMSP").by(AUDITOR).evaluate(), ErrorCode.AGENCY_NOT_FOUND);
      assertRefused(
          governance("GetAgencyByNamespace", "records-none").by(AUDITOR).evaluate(),
          ErrorCode.AGENCY_NOT_FOUND);
      assertRefused(
          governance("GetAgencyHistory", "NoMSP").by(AUDITOR).evaluate(),
          ErrorCode.AGENCY_NOT_FOUND);
      assertRefused(
          governance("IsAuthorized", JUSTICE, BIRTH, "never").by(AUDITOR).evaluate(),
          ErrorCode.INVALID_ARGUMENT);
    }
  }
}
