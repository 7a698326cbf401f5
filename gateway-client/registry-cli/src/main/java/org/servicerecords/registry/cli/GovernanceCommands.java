package org.servicerecords.registry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.servicerecords.registry.client.GovernanceAdmin;
import org.servicerecords.registry.model.AgencyRequest;
import org.servicerecords.registry.model.ChangeApproval;
import org.servicerecords.registry.model.ConsortiumMembers;
import org.servicerecords.registry.model.GovernanceChange;
import org.servicerecords.registry.model.MembersApproval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code registry governance ...}: an organisation administrator's approvals of governance changes.
 * Each change command approves the change for the caller's organisation and prints where it stands.
 */
final class GovernanceCommands {

  private GovernanceCommands() {}

  /** {@code registry governance}: the group; without a subcommand, a usage error. */
  @Command(
      name = "governance",
      description = "Approve governance changes as an organisation administrator (role admin).",
      subcommands = {
        Init.class,
        Members.class,
        RegisterAgency.class,
        SetTypes.class,
        Suspend.class,
        Reinstate.class,
        Approvals.class
      },
      footer = {"  registry --identity admin governance suspend --msp ServicesMSP --reason AUDIT"})
  static final class Group implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "a subcommand is required: init, members, register, set-types, suspend, reinstate or"
              + " approvals");
    }
  }

  /** Base of the change commands: connects, runs one governance call, prints the result. */
  abstract static class Change extends CliCommand {

    abstract GovernanceChange approve(GovernanceAdmin admin) throws Exception;

    /** Checks the options before connecting; a bad one is an {@link IllegalArgumentException}. */
    void check() {}

    @Override
    public Integer call() throws Exception {
      check();
      GovernanceChange change = connected(c -> approve(c.governanceAdmin()));
      out().print(change, List.of(Output.change(change)));
      return ExitCodes.OK;
    }
  }

  /**
   * Document types from a {@code ;}-separated option value; an empty value is no type at all.
   *
   * @param value the option's value
   * @return the types, trimmed, in order
   */
  static List<String> documentTypes(String value) {
    List<String> types = new ArrayList<>();
    for (String type : value.split(";", -1)) {
      if (!type.isBlank()) {
        types.add(type.trim());
      }
    }
    return types;
  }

  /** {@code registry governance init}. */
  @Command(
      name = "init",
      description =
          "Approve the consortium's member list for your organisation; it is set (once, before"
              + " registering) when every listed organisation approved the same list.",
      footer = {
        "  registry --identity admin governance init \\",
        "      --members JusticeMSP,ServicesMSP,AuditMSP"
      })
  static final class Init extends Change {
    @Option(
        names = "--members",
        required = true,
        split = ",",
        description = "Member organisations' MSP ids, ','-separated, your own among them")
    List<String> members;

    @Override
    GovernanceChange approve(GovernanceAdmin admin) throws Exception {
      return admin.initConsortium(members);
    }
  }

  /** {@code registry governance members}. */
  @Command(
      name = "members",
      description = "Show the consortium's members and how many approvals a change needs.",
      footer = {"  registry --identity admin governance members"})
  static final class Members extends CliCommand {
    @Override
    public Integer call() throws Exception {
      ConsortiumMembers members = connected(c -> c.governanceAdmin().members());
      out().print(members, List.of(Output.members(members)));
      return ExitCodes.OK;
    }
  }

  /** {@code registry governance register}. */
  @Command(
      name = "register",
      description = "Approve registering an agency.",
      footer = {
        "  registry --identity admin governance register --msp HealthMSP \\",
        "      --name Health --namespace records-health \\",
        "      --types VACCINATION_CERTIFICATE --active-from 2025-01-01T00:00:00Z"
      })
  static final class RegisterAgency extends Change {
    @Option(names = "--msp", required = true, description = "The agency's MSP id")
    String msp;

    @Option(names = "--name", required = true, description = "Display name")
    String displayName;

    @Option(names = "--namespace", required = true, description = "Its records namespace")
    String namespace;

    @Option(
        names = "--types",
        required = true,
        description = "Document types it may issue, ';'-separated")
    String types;

    @Option(names = "--active-from", required = true, description = "Start of its active period")
    String activeFrom;

    @Option(names = "--active-until", description = "End of its active period")
    String activeUntil;

    private AgencyRequest request;

    @Override
    void check() {
      request =
          AgencyRequest.builder()
              .msp(msp)
              .displayName(displayName)
              .namespace(namespace)
              .documentTypes(documentTypes(types))
              .activeFrom(instant(activeFrom, "--active-from").toString())
              .activeUntil(
                  activeUntil == null ? null : instant(activeUntil, "--active-until").toString())
              .build();
    }

    @Override
    GovernanceChange approve(GovernanceAdmin admin) throws Exception {
      return admin.registerAgency(request);
    }
  }

  /** {@code registry governance set-types}. */
  @Command(
      name = "set-types",
      description = "Approve replacing an agency's document types.",
      footer = {
        "  registry --identity admin governance set-types --msp JusticeMSP \\",
        "      --types 'BIRTH_CERTIFICATE;MARRIAGE_CERTIFICATE'"
      })
  static final class SetTypes extends Change {
    @Option(names = "--msp", required = true, description = "The agency's MSP id")
    String msp;

    @Option(
        names = "--types",
        required = true,
        description = "The document types from then on, ';'-separated ('' for none)")
    String types;

    @Override
    GovernanceChange approve(GovernanceAdmin admin) throws Exception {
      return admin.setDocumentTypes(msp, documentTypes(types));
    }
  }

  /** {@code registry governance suspend}. */
  @Command(
      name = "suspend",
      description = "Approve suspending an agency.",
      footer = {"  registry --identity admin governance suspend --msp ServicesMSP --reason AUDIT"})
  static final class Suspend extends Change {
    @Option(names = "--msp", required = true, description = "The agency's MSP id")
    String msp;

    @Option(names = "--reason", required = true, description = "Reason code")
    String reason;

    @Override
    GovernanceChange approve(GovernanceAdmin admin) throws Exception {
      return admin.suspendAgency(msp, reason);
    }
  }

  /** {@code registry governance reinstate}. */
  @Command(
      name = "reinstate",
      description = "Approve reinstating a suspended agency.",
      footer = {"  registry --identity admin governance reinstate --msp ServicesMSP"})
  static final class Reinstate extends Change {
    @Option(names = "--msp", required = true, description = "The agency's MSP id")
    String msp;

    @Override
    GovernanceChange approve(GovernanceAdmin admin) throws Exception {
      return admin.reinstateAgency(msp);
    }
  }

  /** {@code registry governance approvals}. */
  @Command(
      name = "approvals",
      description = "List the approvals of a change, or with --members of a member list.",
      footer = {"  registry --identity admin governance approvals $CHANGE_ID"})
  static final class Approvals extends CliCommand {
    @Parameters(
        index = "0",
        paramLabel = "ID",
        description = "The change's id, or with --members the member list's id")
    String id;

    @Option(
        names = "--members",
        description = "ID names a member list (InitConsortium), not an agency change")
    boolean membersList;

    @Override
    public Integer call() throws Exception {
      Output out = out();
      if (membersList) {
        List<MembersApproval> approvals = connected(c -> c.governanceAdmin().membersApprovals(id));
        out.print(approvals, Output.membersApprovals(approvals));
      } else {
        List<ChangeApproval> approvals = connected(c -> c.governanceAdmin().approvals(id));
        out.print(approvals, Output.changeApprovals(approvals));
      }
      return ExitCodes.OK;
    }
  }
}
