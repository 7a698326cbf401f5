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
import org.servicerecords.registry.model.RecordEvent;

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

  @Nested
  class RegisterAgency {

    @Test
    void storesTheEntryAndTheNamespaceMappingAndEmitsOneEvent() {
      Network.Result result =
          governance(
                  "RegisterAgency",
                  Fixtures.agency("DigitalMSP", "records-digital", List.of("Z", "A")))
              .by(SERVICES_ADMIN)
              .submit();
      AgencyEntry entry = agency(assertOk(result));
      assertThat(entry.documentTypes()).containsExactly("A", "Z");
      assertThat(entry.suspended()).isFalse();
      assertThat(entry.actor().role()).isEqualTo("admin");
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactlyInAnyOrder(
              "PUT \\0agency\\0DigitalMSP\\0", "PUT \\0agency~ns\\0records-digital\\0");
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
      AgencyEntry entry =
          agency(
              assertOk(
                  governance("SetDocumentTypes", JUSTICE, "[\"B\",\"A\"]")
                      .by(JUSTICE_ADMIN)
                      .submit()));
      assertThat(entry.documentTypes()).containsExactly("A", "B");
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
      assertThat(
              agency(
                      assertOk(
                          governance("SuspendAgency", JUSTICE, "AUDIT").by(JUSTICE_ADMIN).submit()))
                  .suspended())
          .isTrue();
      assertRefused(
          governance("SuspendAgency", JUSTICE, "AUDIT").by(JUSTICE_ADMIN).submit(),
          ErrorCode.INVALID_STATE);
      assertThat(
              agency(assertOk(governance("ReinstateAgency", JUSTICE).by(JUSTICE_ADMIN).submit()))
                  .suspended())
          .isFalse();
      assertRefused(
          governance("ReinstateAgency", JUSTICE).by(JUSTICE_ADMIN).submit(),
          ErrorCode.INVALID_STATE);
    }

    @Test
    void aChangeStampedBeforeTheAgencysLastChangeIsRefused() {
      Network.Result suspended =
          governance("SuspendAgency", JUSTICE, "AUDIT").by(JUSTICE_ADMIN).submit();
      assertOk(suspended);
      Instant earlier = suspended.timestamp().minusSeconds(60);
      Network.Result refused =
          governance("ReinstateAgency", JUSTICE).by(JUSTICE_ADMIN).at(earlier).submit();
      assertRefused(refused, ErrorCode.INVALID_STATE);
      assertThat(refused.message()).contains("before the last change of agency " + JUSTICE);
      assertThat(refused.writes()).isEmpty();
      assertRefused(
          governance("SetDocumentTypes", JUSTICE, "[\"BIRTH_CERTIFICATE\"]")
              .by(JUSTICE_ADMIN)
              .at(earlier)
              .submit(),
          ErrorCode.INVALID_STATE);
      assertThat(
              agency(
                      assertOk(
                          governance("GetAgencyAt", JUSTICE, suspended.timestamp().toString())
                              .by(JUSTICE_ADMIN)
                              .evaluate()))
                  .suspended())
          .isTrue();
    }

    @Test
    void keepTheSuspensionReasonUntilReinstatementClearsIt() {
      AgencyEntry suspended =
          agency(
              assertOk(
                  governance("SuspendAgency", JUSTICE, "AUDIT_FINDING")
                      .by(JUSTICE_ADMIN)
                      .submit()));
      assertThat(suspended.suspensionReason()).isEqualTo("AUDIT_FINDING");

      AgencyEntry typesChanged =
          agency(
              assertOk(
                  governance("SetDocumentTypes", JUSTICE, "[\"BIRTH_CERTIFICATE\"]")
                      .by(JUSTICE_ADMIN)
                      .submit()));
      assertThat(typesChanged.suspensionReason()).isEqualTo("AUDIT_FINDING");

      AgencyEntry reinstated =
          agency(assertOk(governance("ReinstateAgency", JUSTICE).by(JUSTICE_ADMIN).submit()));
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
      String registered = network.now().minusSeconds(120).toString();
      network.advance(Duration.ofDays(1));
      String beforeChange = network.now().minusSeconds(1).toString();
      assertOk(
          governance("SetDocumentTypes", JUSTICE, "[\"" + MARRIAGE + "\"]")
              .by(JUSTICE_ADMIN)
              .submit());

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
