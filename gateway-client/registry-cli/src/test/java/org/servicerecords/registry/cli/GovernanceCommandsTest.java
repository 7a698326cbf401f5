package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.model.GovernanceChange;

class GovernanceCommandsTest {

  private static final String ID = "ab".repeat(32);

  @Test
  void describesAChangeWaitingForApprovalsAndAnAppliedOne() {
    assertThat(
            Output.change(
                new GovernanceChange(
                    ID, "SuspendAgency", "ServicesMSP", List.of("JusticeMSP"), 2, false, null)))
        .isEqualTo(
            "change "
                + ID
                + " SuspendAgency ServicesMSP: approved by JusticeMSP (1 of 2 needed):"
                + " waiting for 1 more approval");
    assertThat(
            Output.change(
                new GovernanceChange(
                    ID,
                    "SuspendAgency",
                    "ServicesMSP",
                    List.of("AuditMSP", "JusticeMSP"),
                    2,
                    true,
                    null)))
        .endsWith("approved by AuditMSP, JusticeMSP (2 of 2 needed): applied");
  }

  @Test
  void describesAMemberListWithoutAnMsp() {
    assertThat(
            Output.change(
                new GovernanceChange(
                    ID, "InitConsortium", null, List.of("JusticeMSP"), 3, false, null)))
        .isEqualTo(
            "change "
                + ID
                + " InitConsortium: approved by JusticeMSP (1 of 3 needed): waiting for 2 more"
                + " approvals");
    assertThat(
            Output.change(
                new GovernanceChange(
                    ID,
                    "InitConsortium",
                    null,
                    List.of("AuditMSP", "JusticeMSP", "ServicesMSP"),
                    3,
                    true,
                    null)))
        .isEqualTo(
            "change "
                + ID
                + " InitConsortium: approved by AuditMSP, JusticeMSP, ServicesMSP (3 of 3"
                + " needed): applied");
  }

  @Test
  void documentTypesAreSemicolonSeparatedAndEmptyMeansNone() {
    assertThat(GovernanceCommands.documentTypes("BIRTH_CERTIFICATE; MARRIAGE_CERTIFICATE"))
        .containsExactly("BIRTH_CERTIFICATE", "MARRIAGE_CERTIFICATE");
    assertThat(GovernanceCommands.documentTypes("")).isEmpty();
  }

  @Test
  void theGroupAloneAndMissingOptionsAreUsageErrors() {
    RegistryCliTest.Result group = RegistryCliTest.run(Map.of(), "governance");
    assertThat(group.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(group.err()).contains("a subcommand is required");
    RegistryCliTest.Result suspend =
        RegistryCliTest.run(Map.of(), "governance", "suspend", "--msp", "ServicesMSP");
    assertThat(suspend.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(suspend.err()).contains("--reason");
  }

  @Test
  void aBadActivePeriodIsBadInputBeforeConnecting() {
    RegistryCliTest.Result r =
        RegistryCliTest.run(
            Map.of(),
            "governance",
            "register",
            "--msp",
            "HealthMSP",
            "--name",
            "Health",
            "--namespace",
            "records-health",
            "--types",
            "VACCINATION_CERTIFICATE",
            "--active-from",
            "tomorrow",
            "--profile",
            "/nonexistent/profile.json");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--active-from must be an ISO-8601 instant");
  }

  @Test
  void globalOptionsReachTheGroupsCommands() {
    RegistryCliTest.Result r =
        RegistryCliTest.run(
            Map.of(), "governance", "members", "--profile", "/nonexistent/profile.json");
    assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(r.err()).contains("/nonexistent/profile.json");
  }
}
