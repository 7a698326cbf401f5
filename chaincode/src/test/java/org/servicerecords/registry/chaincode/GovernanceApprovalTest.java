package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.chaincode.Fixtures.*;
import static org.servicerecords.registry.chaincode.Outcomes.*;

import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.AgencyChange;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.MembersApproval;
import org.servicerecords.registry.model.RecordEvent;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/**
 * Governance changes need the approvals of a majority of the consortium's members: one admin's
 * change is only approved, a second member's approval of exactly the same change (same arguments,
 * same version of the agency's entry) applies it. The consortium here is {@link Fixtures#MEMBERS}:
 * two approvals of three. The member list itself ({@code InitConsortium}) needs the approval of
 * every organisation it names.
 */
class GovernanceApprovalTest {

  private static final Network.User OTHER_JUSTICE_ADMIN = user(JUSTICE, "admin9", "admin", null);
  private static final Network.User DIGITAL_ADMIN = user("DigitalMSP", "admin4", "admin", null);

  private Network network;

  @BeforeEach
  void consortium() {
    network = Fixtures.consortium();
  }

  private Network.Call governance(String function, String... args) {
    return network.call(GOVERNANCE, "governance:" + function, args);
  }

  private static GovernanceChange change(String json) {
    return CanonicalJson.fromJson(json, GovernanceChange.class);
  }

  private AgencyEntry agency(String msp) {
    return CanonicalJson.fromJson(
        assertOk(governance("GetAgency", msp).by(AUDITOR).evaluate()), AgencyEntry.class);
  }

  private ChangeApproval[] approvals(String changeId) {
    return CanonicalJson.fromJson(
        assertOk(governance("GetChangeApprovals", changeId).by(AUDITOR).evaluate()),
        ChangeApproval[].class);
  }

  private static String membersApprovalKey(String listId, String msp) {
    return new CompositeKey(Keys.MEMBERS_APPROVAL, listId, msp).toString();
  }

  private static String listId(List<String> sortedMembers) {
    return Digests.sha256Hex(CanonicalJson.toBytes(sortedMembers));
  }

  private static String approvalKey(String changeId, String msp) {
    return new CompositeKey(Keys.APPROVAL, changeId, msp).toString();
  }

  @Nested
  class OneMember {

    @Test
    void onlyApprovesTheChangeWritingItsApprovalAndOneEvent() {
      AgencyEntry before = agency(SERVICES);
      Network.Result result =
          governance("SuspendAgency", SERVICES, "AUDIT").by(JUSTICE_ADMIN).submit();
      GovernanceChange change = change(assertOk(result));

      AgencyChange expected =
          new AgencyChange(AgencyChange.SUSPEND, SERVICES, null, null, "AUDIT", before.txId());
      assertThat(change)
          .isEqualTo(
              new GovernanceChange(
                  Digests.sha256Hex(CanonicalJson.toBytes(expected)),
                  "SuspendAgency",
                  SERVICES,
                  List.of(JUSTICE),
                  2,
                  false,
                  null));
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactly("PUT " + Ledger.printable(approvalKey(change.changeId(), JUSTICE)));
      ChangeApproval stored =
          CanonicalJson.fromBytes(result.writes().get(0).value(), ChangeApproval.class);
      assertThat(stored.changeId()).isEqualTo(change.changeId());
      assertThat(stored.change()).isEqualTo(expected);
      assertThat(stored.actor().msp()).isEqualTo(JUSTICE);
      assertThat(stored.actor().role()).isEqualTo("admin");
      assertThat(stored.txId()).isEqualTo(result.txId());
      assertThat(stored.timestamp()).isEqualTo(result.timestamp().toString());
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry(SERVICES, "AGENCY", "CHANGE_APPROVED"));
      assertThat(result.stub().rangeQueries()).isZero();
      assertThat(result.stub().historyQueries()).isZero();
      assertThat(agency(SERVICES)).isEqualTo(before);
    }

    @Test
    void mayBeEndorsedByAnotherOrganisationsPeer() {
      GovernanceChange change =
          change(
              assertOk(
                  governance("SuspendAgency", SERVICES, "AUDIT")
                      .by(JUSTICE_ADMIN)
                      .onPeerOf(AUDIT)
                      .submit()));
      assertThat(change.approvals()).containsExactly(JUSTICE);
      assertThat(
              change(
                      assertOk(
                          governance("SuspendAgency", SERVICES, "AUDIT")
                              .by(AUDIT_ADMIN)
                              .onPeerOf(SERVICES)
                              .submit()))
                  .applied())
          .isTrue();
    }

    @Test
    void cannotRegisterAnAgencyOrANamespaceAlone() {
      Network.Result result =
          governance("RegisterAgency", Fixtures.agency("RogueMSP", "records-rogue", List.of(BIRTH)))
              .by(JUSTICE_ADMIN)
              .submit();
      assertThat(change(assertOk(result)).applied()).isFalse();
      assertThat(result.writes()).hasSize(1);
      assertRefused(
          governance("GetAgency", "RogueMSP").by(AUDITOR).evaluate(), ErrorCode.AGENCY_NOT_FOUND);
      assertRefused(
          governance("GetAgencyByNamespace", "records-rogue").by(AUDITOR).evaluate(),
          ErrorCode.AGENCY_NOT_FOUND);
    }

    @Test
    void aSingleMemberConsortiumAppliesAtOnce() {
      Network alone = Fixtures.network();
      assertOk(
          alone
              .call(GOVERNANCE, "governance:InitConsortium", json(List.of(JUSTICE)))
              .by(JUSTICE_ADMIN)
              .submit());
      GovernanceChange change =
          change(
              assertOk(
                  alone
                      .call(
                          GOVERNANCE,
                          "governance:RegisterAgency",
                          Fixtures.agency(JUSTICE, JUSTICE_NS, List.of(BIRTH)))
                      .by(JUSTICE_ADMIN)
                      .submit()));
      assertThat(change.required()).isEqualTo(1);
      assertThat(change.applied()).isTrue();
      assertThat(change.agency().msp()).isEqualTo(JUSTICE);
    }
  }

  @Nested
  class Majority {

    @Test
    void aSecondMembersApprovalAppliesTheChange() {
      GovernanceChange first =
          change(
              assertOk(governance("SuspendAgency", SERVICES, "AUDIT").by(JUSTICE_ADMIN).submit()));
      Network.Result result =
          governance("SuspendAgency", SERVICES, "AUDIT").by(AUDIT_ADMIN).submit();
      GovernanceChange second = change(assertOk(result));

      assertThat(second.changeId()).isEqualTo(first.changeId());
      assertThat(second.approvals()).containsExactly(AUDIT, JUSTICE);
      assertThat(second.required()).isEqualTo(2);
      assertThat(second.applied()).isTrue();
      AgencyEntry entry = second.agency();
      assertThat(entry.suspended()).isTrue();
      assertThat(entry.suspensionReason()).isEqualTo("AUDIT");
      assertThat(entry.actor().msp()).isEqualTo(AUDIT);
      assertThat(entry.txId()).isEqualTo(result.txId());
      assertThat(agency(SERVICES)).isEqualTo(entry);
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactlyInAnyOrder(
              "PUT " + Ledger.printable(approvalKey(second.changeId(), AUDIT)),
              "PUT \\0agency\\0" + SERVICES + "\\0",
              "PUT \\0agency~versions\\0" + SERVICES + "\\0");
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry(SERVICES, "AGENCY", "SUSPENDED"));
      assertThat(result.stub().rangeQueries()).isZero();
      assertThat(result.stub().historyQueries()).isZero();
    }

    @Test
    void theSameOrganisationApprovingTwiceIsRefused() {
      assertOk(governance("SuspendAgency", SERVICES, "AUDIT").by(JUSTICE_ADMIN).submit());
      assertRefused(
          governance("SuspendAgency", SERVICES, "AUDIT").by(JUSTICE_ADMIN).submit(),
          ErrorCode.ALREADY_EXISTS);
      assertRefused(
          governance("SuspendAgency", SERVICES, "AUDIT").by(OTHER_JUSTICE_ADMIN).submit(),
          ErrorCode.ALREADY_EXISTS);
      assertThat(agency(SERVICES).suspended()).isFalse();
    }

    @Test
    void differentArgumentsAreDifferentChanges() {
      GovernanceChange audit =
          change(
              assertOk(governance("SuspendAgency", SERVICES, "AUDIT").by(JUSTICE_ADMIN).submit()));
      GovernanceChange fraud =
          change(assertOk(governance("SuspendAgency", SERVICES, "FRAUD").by(AUDIT_ADMIN).submit()));
      assertThat(fraud.changeId()).isNotEqualTo(audit.changeId());
      assertThat(fraud.applied()).isFalse();
      assertThat(fraud.approvals()).containsExactly(AUDIT);

      GovernanceChange marriage =
          change(
              assertOk(
                  governance("SetDocumentTypes", SERVICES, json(List.of(MARRIAGE)))
                      .by(JUSTICE_ADMIN)
                      .submit()));
      GovernanceChange birth =
          change(
              assertOk(
                  governance("SetDocumentTypes", SERVICES, json(List.of(BIRTH)))
                      .by(AUDIT_ADMIN)
                      .submit()));
      assertThat(birth.applied()).isFalse();
      assertThat(birth.changeId()).isNotEqualTo(marriage.changeId());
      assertThat(agency(SERVICES).documentTypes()).containsExactly(LICENCE, DECISION);
    }

    @Test
    void theSameTypesInAnotherOrderAreTheSameChange() {
      GovernanceChange first =
          change(
              assertOk(
                  governance("SetDocumentTypes", SERVICES, json(List.of(LICENCE, BIRTH)))
                      .by(JUSTICE_ADMIN)
                      .submit()));
      GovernanceChange second =
          change(
              assertOk(
                  governance("SetDocumentTypes", SERVICES, json(List.of(BIRTH, LICENCE)))
                      .by(AUDIT_ADMIN)
                      .submit()));
      assertThat(second.changeId()).isEqualTo(first.changeId());
      assertThat(second.applied()).isTrue();
      assertThat(second.agency().documentTypes()).containsExactly(BIRTH, LICENCE);
    }

    @Test
    void approvalsOfAChangeWhoseEntryChangedMeanwhileDoNotCount() {
      GovernanceChange stale =
          change(
              assertOk(governance("SuspendAgency", SERVICES, "AUDIT").by(JUSTICE_ADMIN).submit()));
      assertOk(govern(network, "SetDocumentTypes", SERVICES, json(List.of(LICENCE))));

      GovernanceChange fresh =
          change(assertOk(governance("SuspendAgency", SERVICES, "AUDIT").by(AUDIT_ADMIN).submit()));
      assertThat(fresh.changeId()).isNotEqualTo(stale.changeId());
      assertThat(fresh.applied()).isFalse();
      assertThat(fresh.approvals()).containsExactly(AUDIT);
      assertThat(agency(SERVICES).suspended()).isFalse();
    }

    @Test
    void suspendingAgainAfterReinstatementNeedsFreshApprovals() {
      GovernanceChange suspended =
          change(assertOk(govern(network, "SuspendAgency", SERVICES, "AUDIT")));
      assertOk(govern(network, "ReinstateAgency", SERVICES));

      GovernanceChange again =
          change(
              assertOk(governance("SuspendAgency", SERVICES, "AUDIT").by(JUSTICE_ADMIN).submit()));
      assertThat(again.changeId()).isNotEqualTo(suspended.changeId());
      assertThat(again.applied()).isFalse();
      assertThat(again.approvals()).containsExactly(JUSTICE);
      assertThat(agency(SERVICES).suspended()).isFalse();
    }
  }

  @Nested
  class Refusals {

    @Test
    void anAdminOfAnOrganisationOutsideTheConsortiumIsNotAuthorized() {
      for (Network.Call call :
          List.of(
              governance(
                  "RegisterAgency", Fixtures.agency("DigitalMSP", "records-digital", List.of())),
              governance("SetDocumentTypes", SERVICES, "[]"),
              governance("SuspendAgency", SERVICES, "AUDIT"),
              governance("ReinstateAgency", SERVICES))) {
        Network.Result result = call.by(DIGITAL_ADMIN).submit();
        assertRefused(result, ErrorCode.NOT_AUTHORIZED);
        assertThat(result.message()).contains("not a member");
      }
    }

    @Test
    void aMemberWithoutTheAdminRoleIsNotAuthorized() {
      for (Network.User user : List.of(JUSTICE_ISSUER, JUSTICE_NO_ROLE, AUDITOR)) {
        assertRefused(
            governance("SuspendAgency", SERVICES, "AUDIT").by(user).submit(),
            ErrorCode.NOT_AUTHORIZED);
      }
    }

    @Test
    void changesBeforeInitConsortiumAreInvalidState() {
      Network fresh = Fixtures.network();
      for (String[] call :
          List.of(
              new String[] {
                "governance:RegisterAgency", Fixtures.agency(JUSTICE, JUSTICE_NS, List.of())
              },
              new String[] {"governance:SetDocumentTypes", JUSTICE, "[]"},
              new String[] {"governance:SuspendAgency", JUSTICE, "AUDIT"},
              new String[] {"governance:ReinstateAgency", JUSTICE})) {
        assertRefused(
            fresh
                .call(
                    GOVERNANCE,
                    call[0],
                    List.of(call).subList(1, call.length).toArray(String[]::new))
                .by(JUSTICE_ADMIN)
                .submit(),
            ErrorCode.INVALID_STATE);
      }
      assertRefused(
          fresh.call(GOVERNANCE, "governance:GetMembers").by(AUDITOR).evaluate(),
          ErrorCode.INVALID_STATE);
    }

    @Test
    void anExistingEntryOrNamespaceIsRefusedBeforeTheApproval() {
      assertRefused(
          governance("RegisterAgency", Fixtures.agency(JUSTICE, "records-new", List.of()))
              .by(AUDIT_ADMIN)
              .submit(),
          ErrorCode.ALREADY_EXISTS);
      assertRefused(
          governance("SuspendAgency", "NoMSP", "AUDIT").by(AUDIT_ADMIN).submit(),
          ErrorCode.AGENCY_NOT_FOUND);
    }
  }

  @Nested
  class InitConsortium {

    private static final List<String> GHOST_LIST =
        List.of(JUSTICE, SERVICES, "Ghost1MSP", "Ghost2MSP");

    private Network fresh;

    @BeforeEach
    void noMembers() {
      fresh = Fixtures.network();
    }

    private Network.Result init(Network.User admin, List<String> members) {
      return fresh.call(GOVERNANCE, "governance:InitConsortium", json(members)).by(admin).submit();
    }

    private MembersApproval[] membersApprovals(String listId) {
      return CanonicalJson.fromJson(
          assertOk(
              fresh
                  .call(GOVERNANCE, "governance:GetMembersApprovals", listId)
                  .by(AUDITOR)
                  .evaluate()),
          MembersApproval[].class);
    }

    private void assertNoMembers() {
      assertRefused(
          fresh.call(GOVERNANCE, "governance:GetMembers").by(AUDITOR).evaluate(),
          ErrorCode.INVALID_STATE);
      assertRefused(
          fresh
              .call(
                  GOVERNANCE,
                  "governance:RegisterAgency",
                  Fixtures.agency(JUSTICE, JUSTICE_NS, List.of(BIRTH)))
              .by(JUSTICE_ADMIN)
              .submit(),
          ErrorCode.INVALID_STATE);
    }

    @Test
    void oneAdminsCallOnlyApprovesTheListWritingItsApprovalAndOneEvent() {
      Network.Result result = init(JUSTICE_ADMIN, List.of(SERVICES, JUSTICE, AUDIT));
      GovernanceChange change = change(assertOk(result));

      String listId = listId(MEMBERS);
      assertThat(change)
          .isEqualTo(
              new GovernanceChange(
                  listId, "InitConsortium", null, List.of(JUSTICE), 3, false, null));
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactly("PUT " + Ledger.printable(membersApprovalKey(listId, JUSTICE)));
      MembersApproval stored =
          CanonicalJson.fromBytes(result.writes().get(0).value(), MembersApproval.class);
      assertThat(stored.listId()).isEqualTo(listId);
      assertThat(stored.members()).isEqualTo(MEMBERS);
      assertThat(stored.actor().msp()).isEqualTo(JUSTICE);
      assertThat(stored.actor().role()).isEqualTo("admin");
      assertThat(stored.txId()).isEqualTo(result.txId());
      assertThat(stored.timestamp()).isEqualTo(result.timestamp().toString());
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry("members", "CONSORTIUM", "MEMBERS_APPROVED"));
      assertThat(result.stub().rangeQueries()).isZero();
      assertThat(result.stub().historyQueries()).isZero();
      assertThat(membersApprovals(listId)).containsExactly(stored);
      assertNoMembers();
    }

    @Test
    void theLastListedMembersApprovalStoresTheMembersWithOneEvent() {
      GovernanceChange first = change(assertOk(init(JUSTICE_ADMIN, MEMBERS)));
      GovernanceChange second = change(assertOk(init(SERVICES_ADMIN, MEMBERS)));
      assertThat(second.changeId()).isEqualTo(first.changeId());
      assertThat(second.approvals()).containsExactly(JUSTICE, SERVICES);
      assertThat(second.applied()).isFalse();
      assertNoMembers();

      Network.Result result = init(AUDIT_ADMIN, MEMBERS);
      GovernanceChange last = change(assertOk(result));
      assertThat(last)
          .isEqualTo(
              new GovernanceChange(
                  first.changeId(), "InitConsortium", null, MEMBERS, 3, true, null));
      assertThat(result.writes())
          .extracting(Object::toString)
          .containsExactlyInAnyOrder(
              "PUT " + Ledger.printable(membersApprovalKey(first.changeId(), AUDIT)),
              "PUT \\0consortium\\0members\\0");
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry("members", "CONSORTIUM", "INITIALIZED"));
      assertThat(result.stub().rangeQueries()).isZero();
      ConsortiumMembers members =
          CanonicalJson.fromJson(
              assertOk(fresh.call(GOVERNANCE, "governance:GetMembers").by(AUDITOR).evaluate()),
              ConsortiumMembers.class);
      assertThat(members.members()).isEqualTo(MEMBERS);
      assertThat(members.actor().msp()).isEqualTo(AUDIT);
      assertThat(members.txId()).isEqualTo(result.txId());
      assertThat(members.timestamp()).isEqualTo(result.timestamp().toString());
      assertThat(membersApprovals(first.changeId()))
          .extracting(a -> a.actor().msp())
          .containsExactly(AUDIT, JUSTICE, SERVICES);
    }

    @Test
    void aListNamingAMadeUpOrganisationNeverTakesEffectAndTheRealOnesCanStillSetTheirs() {
      GovernanceChange ghost = change(assertOk(init(JUSTICE_ADMIN, GHOST_LIST)));
      assertThat(ghost.required()).isEqualTo(4);
      GovernanceChange both = change(assertOk(init(SERVICES_ADMIN, GHOST_LIST)));
      assertThat(both.changeId()).isEqualTo(ghost.changeId());
      assertThat(both.approvals()).containsExactly(JUSTICE, SERVICES);
      assertThat(both.applied()).isFalse();
      Network.Result leftOut = init(AUDIT_ADMIN, GHOST_LIST);
      assertRefused(leftOut, ErrorCode.NOT_AUTHORIZED);
      assertThat(leftOut.message()).contains("not a member");
      assertNoMembers();

      GovernanceChange real = change(assertOk(init(AUDIT_ADMIN, MEMBERS)));
      assertThat(real.changeId()).isNotEqualTo(ghost.changeId()).isEqualTo(listId(MEMBERS));
      assertThat(real.approvals()).containsExactly(AUDIT);
      assertOk(init(JUSTICE_ADMIN, MEMBERS));
      GovernanceChange applied = change(assertOk(init(SERVICES_ADMIN, MEMBERS)));
      assertThat(applied.applied()).isTrue();
      assertThat(applied.approvals()).containsExactly(AUDIT, JUSTICE, SERVICES);
      assertThat(
              CanonicalJson.fromJson(
                      assertOk(
                          fresh.call(GOVERNANCE, "governance:GetMembers").by(AUDITOR).evaluate()),
                      ConsortiumMembers.class)
                  .members())
          .isEqualTo(MEMBERS);
      assertRefused(init(SERVICES_ADMIN, GHOST_LIST), ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void theSameOrganisationApprovingTheSameListTwiceIsAlreadyExists() {
      assertOk(init(JUSTICE_ADMIN, MEMBERS));
      Network.Result again = init(JUSTICE_ADMIN, MEMBERS);
      assertRefused(again, ErrorCode.ALREADY_EXISTS);
      assertThat(again.message()).contains("already approved member list " + listId(MEMBERS));
      assertRefused(
          init(OTHER_JUSTICE_ADMIN, List.of(SERVICES, AUDIT, JUSTICE)), ErrorCode.ALREADY_EXISTS);
      assertThat(membersApprovals(listId(MEMBERS))).hasSize(1);
    }

    @Test
    void anotherOrderOfTheSameListIsTheSameList() {
      GovernanceChange first =
          change(assertOk(init(JUSTICE_ADMIN, List.of(SERVICES, AUDIT, JUSTICE))));
      GovernanceChange second =
          change(assertOk(init(SERVICES_ADMIN, List.of(JUSTICE, SERVICES, AUDIT))));
      GovernanceChange third = change(assertOk(init(AUDIT_ADMIN, MEMBERS)));
      assertThat(first.changeId())
          .isEqualTo(second.changeId())
          .isEqualTo(third.changeId())
          .isEqualTo(Digests.sha256Hex(CanonicalJson.toBytes(MEMBERS)));
      assertThat(third.applied()).isTrue();
    }

    @Test
    void anAdminOfAnUnlistedOrganisationIsNotAuthorized() {
      Network.Result result = init(DIGITAL_ADMIN, MEMBERS);
      assertRefused(result, ErrorCode.NOT_AUTHORIZED);
      assertThat(result.message()).contains("DigitalMSP is not a member");
      assertThat(membersApprovals(listId(MEMBERS))).isEmpty();
    }

    @Test
    void aSingleOrganisationsListAppliesAtOnce() {
      Network.Result result = init(SERVICES_ADMIN, List.of(SERVICES));
      GovernanceChange change = change(assertOk(result));
      assertThat(change.approvals()).containsExactly(SERVICES);
      assertThat(change.required()).isEqualTo(1);
      assertThat(change.applied()).isTrue();
      assertThat(result.writes()).hasSize(2);
      assertThat(assertOneEvent(result).entries())
          .containsExactly(new RecordEvent.Entry("members", "CONSORTIUM", "INITIALIZED"));
    }

    @Test
    void onceSetEveryFurtherCallIsAlreadyExists() {
      assertRefused(
          governance("InitConsortium", json(List.of(JUSTICE))).by(JUSTICE_ADMIN).submit(),
          ErrorCode.ALREADY_EXISTS);
      assertRefused(
          governance("InitConsortium", json(MEMBERS)).by(SERVICES_ADMIN).submit(),
          ErrorCode.ALREADY_EXISTS);
      assertRefused(
          governance("InitConsortium", json(List.of(JUSTICE, SERVICES)))
              .by(OTHER_JUSTICE_ADMIN)
              .submit(),
          ErrorCode.ALREADY_EXISTS);
    }

    @Test
    void needsAnAdminOfAMemberThroughAMembersPeer() {
      assertRefused(init(JUSTICE_ISSUER, MEMBERS), ErrorCode.NOT_AUTHORIZED);
      assertRefused(init(JUSTICE_ADMIN, List.of(SERVICES, AUDIT)), ErrorCode.NOT_AUTHORIZED);
      assertRefused(
          fresh
              .call(GOVERNANCE, "governance:InitConsortium", json(List.of(JUSTICE)))
              .by(JUSTICE_ADMIN)
              .onPeerOf(SERVICES)
              .submit(),
          ErrorCode.NOT_AUTHORIZED);
      assertNoMembers();
    }
  }

  @Nested
  class Queries {

    @Test
    void getMembersAnswersTheMembersSorted() {
      ConsortiumMembers members =
          CanonicalJson.fromJson(
              assertOk(governance("GetMembers").by(AUDITOR).evaluate()), ConsortiumMembers.class);
      assertThat(members.members()).containsExactly(AUDIT, JUSTICE, SERVICES);
      assertThat(members.required()).isEqualTo(2);
    }

    @Test
    void getChangeApprovalsListsTheApprovalsByMsp() {
      GovernanceChange first =
          change(
              assertOk(governance("SuspendAgency", SERVICES, "AUDIT").by(SERVICES_ADMIN).submit()));
      assertThat(approvals(first.changeId()))
          .extracting(a -> a.actor().msp())
          .containsExactly(SERVICES);
      assertOk(governance("SuspendAgency", SERVICES, "AUDIT").by(AUDIT_ADMIN).submit());
      ChangeApproval[] both = approvals(first.changeId());
      assertThat(both).extracting(a -> a.actor().msp()).containsExactly(AUDIT, SERVICES);
      assertThat(both).allSatisfy(a -> assertThat(a.changeId()).isEqualTo(first.changeId()));
      assertThat(both[0].change()).isEqualTo(both[1].change());
      assertThat(approvals("0".repeat(64))).isEmpty();
    }

    @Test
    void getMembersApprovalsListsEveryMembersApprovalOfTheStoredList() {
      MembersApproval[] approvals =
          CanonicalJson.fromJson(
              assertOk(governance("GetMembersApprovals", listId(MEMBERS)).by(AUDITOR).evaluate()),
              MembersApproval[].class);
      assertThat(approvals)
          .extracting(a -> a.actor().msp())
          .containsExactly(AUDIT, JUSTICE, SERVICES);
      assertThat(approvals).allSatisfy(a -> assertThat(a.members()).isEqualTo(MEMBERS));
      assertThat(
              CanonicalJson.fromJson(
                  assertOk(
                      governance("GetMembersApprovals", "0".repeat(64)).by(AUDITOR).evaluate()),
                  MembersApproval[].class))
          .isEmpty();
    }
  }
}
