package org.servicerecords.registry.client.internal.submit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.GovernanceSnapshot;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.trust.ChannelMsps;
import org.servicerecords.registry.client.internal.trust.Endorsements;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.ErrorCode;
import org.servicerecords.registry.model.JsonFormatException;

/**
 * Queries (evaluate) with JSON answers, endorsements that are never submitted, and the routing of
 * reads; the governance snapshot comes from a {@link GovernanceSource}.
 */
public final class Ledger implements AutoCloseable {

  private final Connector connector;
  private volatile String ownNamespace;
  private final GovernanceSource governance;
  private final AtomicReference<ChannelMsps> channelMsps = new AtomicReference<>();

  /**
   * A ledger over a connector, with the governance source made for it (the source reads governance
   * through this ledger).
   *
   * @param connector the connector
   * @param governance makes the governance source, for example {@code GovernanceFeed::new}
   */
  public Ledger(Connector connector, Function<Ledger, GovernanceSource> governance) {
    this.connector = connector;
    this.governance = governance.apply(this);
  }

  public Connector connector() {
    return connector;
  }

  public String channel() {
    return connector.profile().channel();
  }

  /**
   * The records namespace an issuer names (a namespace or an agency's MSP id), from the governance
   * snapshot.
   *
   * @throws RegistryException {@code AGENCY_NOT_FOUND} when governance knows neither
   */
  public String namespaceOf(String issuer) throws RegistryException {
    String ns = governance().resolveNamespace(issuer);
    if (ns == null) {
      throw ErrorMapper.forCode(
          ErrorCode.AGENCY_NOT_FOUND,
          "no agency or records namespace named '" + issuer + "'",
          Stage.LOCAL,
          null,
          null);
    }
    return ns;
  }

  /**
   * Evaluates a query. A read of the caller's own records namespace is answered by a peer of the
   * caller's organisation only ({@link #staysInOrganization}); any other read goes wherever the
   * Gateway sends it.
   */
  public byte[] evaluate(String chaincode, String function, String... args)
      throws RegistryException {
    boolean own = staysInOrganization(chaincode);
    return connector.withFailover(
        Stage.EVALUATE,
        gateway -> readProposal(gateway, chaincode, function, Map.of(), own, args).evaluate());
  }

  /**
   * Evaluates on a peer of the client's own organisation only (never submitted, never another
   * organisation's peer): for answers that hold the organisation's private data. The transient data
   * (for {@code ReadDetails}, the one-time key and nonce its answer is sealed with) goes only to
   * that peer and never into a block.
   */
  public byte[] evaluateInOwnOrganization(
      String chaincode, String function, Map<String, byte[]> transientData, String... args)
      throws RegistryException {
    return connector.withFailover(
        Stage.EVALUATE,
        gateway ->
            readProposal(gateway, chaincode, function, transientData, true, args).evaluate());
  }

  /**
   * Builds (and signs) the proposal of a read. Without {@code ownOrganization} no endorsing
   * organisation is named and the Gateway evaluates on any peer of the channel that has the
   * chaincode, its own first but another organisation's when its own cannot answer (a chaincode
   * server down, for example). With it, the proposal names the caller's organisation as the only
   * one that may answer, so such a read fails instead of leaving the organisation.
   *
   * @param gateway the endpoint's gateway
   * @param chaincode the chaincode
   * @param function the function
   * @param transientData transient data, may be empty
   * @param ownOrganization whether only the caller's organisation may answer
   * @param args the arguments
   * @return the proposal, ready to evaluate
   */
  Proposal readProposal(
      Gateway gateway,
      String chaincode,
      String function,
      Map<String, byte[]> transientData,
      boolean ownOrganization,
      String... args) {
    Proposal.Builder builder =
        connector.contract(gateway, chaincode).newProposal(function).addArguments(args);
    if (ownOrganization) {
      builder.setEndorsingOrganizations(connector.credentials().mspId());
    }
    if (!transientData.isEmpty()) {
      builder.putAllTransient(transientData);
    }
    return builder.build();
  }

  /**
   * Whether reads of a chaincode must be answered by the caller's own organisation: exactly the
   * reads of its own records namespace. An agency system relies on them right after its own
   * submissions (a submission returns once a peer of its own organisation committed it; another
   * organisation's peer may lag) and when it compares a refused request with what its namespace
   * holds, and its own peers must not be silently replaced when its chaincode cannot answer.
   * Governance reads and reads of other agencies' namespaces (verifications, decision inputs) may
   * be answered by any organisation's peer: every organisation holds the same committed state of
   * them, and an outsider such as PublicMSP has no peers of its own. System chaincodes are not
   * pinned either.
   *
   * @param chaincode the chaincode read
   * @return true when only the caller's organisation may answer
   * @throws RegistryException when governance must be read to learn the own namespace and cannot be
   */
  boolean staysInOrganization(String chaincode) throws RegistryException {
    if (chaincode.equals(connector.profile().governanceChaincode())
        || Connector.SYSTEM_CHAINCODES.contains(chaincode)) {
      return false;
    }
    return chaincode.equals(ownNamespace());
  }

  /**
   * The caller's own records namespace: the profile's {@code chaincodes.records}, else the one
   * governance names for the caller's MSP; empty when it owns none (an auditor's or outsider's
   * organisation). Kept once known.
   */
  String ownNamespace() throws RegistryException {
    String known = ownNamespace;
    if (known != null) {
      return known;
    }
    String ns = connector.profile().recordsChaincode();
    if (ns == null) {
      AgencyEntry own = governance().agency(connector.credentials().mspId());
      if (own == null || own.namespace() == null) {
        // Not kept: the organisation may be registered later in this connection's life.
        return "";
      }
      ns = own.namespace();
    }
    ownNamespace = ns;
    return ns;
  }

  /** A transaction endorsed and never submitted: its id and its envelope with every endorsement. */
  public record Endorsed(String transactionId, byte[] envelope) {
    public Endorsed {
      envelope = envelope.clone();
    }

    @Override
    public byte[] envelope() {
      return envelope.clone();
    }
  }

  /**
   * Endorses a query on peers of the named organisations and never submits it: the Gateway collects
   * one endorsement per organisation (and fails when their answers differ). For attested
   * verification; the caller checks the endorsements itself ({@link Endorsements}).
   *
   * @param chaincode the chaincode
   * @param function the function (unqualified)
   * @param organizations the endorsing organisations
   * @param args the arguments
   * @return the transaction id and envelope
   * @throws RegistryException the mapped failure ({@link Stage#ENDORSE})
   */
  public Endorsed endorseWithoutSubmitting(
      String chaincode, String function, List<String> organizations, String... args)
      throws RegistryException {
    Endorsed prepared;
    try {
      prepared =
          connector.withFailover(
              Stage.ENDORSE,
              gateway -> {
                Proposal proposal =
                    connector
                        .contract(gateway, chaincode)
                        .newProposal(function)
                        .addArguments(args)
                        .setEndorsingOrganizations(organizations.toArray(new String[0]))
                        .build();
                return new Endorsed(proposal.getTransactionId(), proposal.endorse().getBytes());
              });
    } catch (RegistryException e) {
      if (answersDiffer(e)) {
        throw new AttestationException(
            AttestationException.Reason.ANSWERS_DIFFER,
            "the peers of " + organizations + " gave different answers to " + function,
            e);
      }
      throw e;
    }
    // The SDK's transaction bytes are a gateway PreparedTransaction wrapping the envelope (seen on
    // Fabric v3.1.5: parsed as an Envelope they are not one).
    try {
      return new Endorsed(
          prepared.transactionId(),
          PreparedTransaction.parseFrom(prepared.envelope()).getEnvelope().toByteArray());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AttestationException(
          AttestationException.Reason.MALFORMED,
          "the Gateway's prepared transaction cannot be parsed",
          e);
    }
  }

  /**
   * Whether the Gateway refused to assemble endorsements because their payloads differ (Fabric's
   * gateway names it "ProposalResponsePayloads do not match" in the error or its details).
   */
  static boolean answersDiffer(RegistryException e) {
    String text = e.getMessage() + " " + (e.peerMessage() == null ? "" : e.peerMessage());
    return text.contains("ProposalResponsePayloads do not match");
  }

  /**
   * The channel's application organisations with their root certificates, read once per connection
   * from the configuration block (cscc {@code GetConfigBlock}; qscc has no such function, seen on
   * Fabric v3.1.5: "missing 3rd argument for GetConfigBlock") through the Gateway.
   *
   * @param reload read the configuration block again (after a check that a changed configuration
   *     may explain)
   * @return the organisations
   * @throws RegistryException if the block cannot be read or parsed
   */
  public ChannelMsps channelMsps(boolean reload) throws RegistryException {
    ChannelMsps msps = channelMsps.get();
    if (msps == null || reload) {
      msps = ChannelMsps.fromConfigBlock(evaluate(Connector.CSCC, "GetConfigBlock", channel()));
      channelMsps.set(msps);
    }
    return msps;
  }

  public <T> T evaluate(Class<T> type, String chaincode, String function, String... args)
      throws RegistryException {
    return parse(evaluate(chaincode, function, args), type, chaincode + " " + function);
  }

  public <T> List<T> evaluateList(
      Class<T[]> type, String chaincode, String function, String... args) throws RegistryException {
    return Arrays.asList(evaluate(type, chaincode, function, args));
  }

  /**
   * Reads a JSON answer.
   *
   * <p>When the answer cannot be read, the exception names the function, the expected type and the
   * kind of problem only: neither the answer nor the parser's own message (which quotes field names
   * and values) is copied into it, not even as its cause, since answers such as {@code ReadDetails}
   * hold personal data.
   *
   * @param bytes the answer
   * @param type the expected type
   * @param what the function asked, for example {@code "records-justice ReadDetails"}
   * @param <T> the type
   * @return the value
   * @throws RegistryException ({@link Stage#EVALUATE}) if the answer is not a value of the type
   */
  public static <T> T parse(byte[] bytes, Class<T> type, String what) throws RegistryException {
    try {
      return CanonicalJson.fromBytes(bytes, type);
    } catch (RuntimeException e) {
      throw RegistryException.evaluate(
          "unexpected answer from " + what + ": not " + typeName(type) + " (" + problemOf(e) + ")");
    }
  }

  private static String typeName(Class<?> type) {
    return type.isArray()
        ? "a JSON list of " + type.getComponentType().getSimpleName()
        : "a JSON " + type.getSimpleName();
  }

  /**
   * The kinds of problem the canonical JSON reader reports, by the start of its message, with a
   * description that holds nothing of the answer.
   */
  private static final List<Map.Entry<String, String>> PROBLEMS =
      List.of(
          Map.entry("JSON text is missing", "no answer"),
          Map.entry("malformed JSON", "malformed JSON"),
          Map.entry("unexpected data after the JSON value", "data after the JSON value"),
          Map.entry("JSON nested deeper than", "JSON nested too deeply"),
          Map.entry("duplicate field", "a field appears twice"),
          Map.entry("only integers are accepted", "a number that is not an integer"),
          Map.entry("integer out of range", "an integer out of range"),
          Map.entry("does not match", "a value of the wrong type"),
          Map.entry("expected a JSON value of", "null instead of a value"),
          Map.entry("expected ", "a value of the wrong type"),
          Map.entry("unknown field", "an unknown field"));

  /**
   * Describes why an answer could not be read without quoting it.
   *
   * @param e the reader's exception
   * @return a fixed description of the kind of problem
   */
  static String problemOf(RuntimeException e) {
    String message = e instanceof JsonFormatException ? e.getMessage() : null;
    if (message != null) {
      for (Map.Entry<String, String> problem : PROBLEMS) {
        if (message.startsWith(problem.getKey())) {
          return problem.getValue();
        }
      }
    }
    return "unreadable";
  }

  /**
   * Returns the governance snapshot, kept current by the governance source ({@code
   * GovernanceFeed}): see there for when it is read again.
   *
   * @return the snapshot
   * @throws RegistryException if governance cannot be read
   */
  public GovernanceSnapshot governance() throws RegistryException {
    return governance.governance();
  }

  /**
   * Reads governance again now.
   *
   * @return the fresh snapshot
   * @throws RegistryException if governance cannot be read
   */
  public GovernanceSnapshot reloadGovernance() throws RegistryException {
    return governance.reload();
  }

  @Override
  public void close() {
    governance.close();
  }
}
