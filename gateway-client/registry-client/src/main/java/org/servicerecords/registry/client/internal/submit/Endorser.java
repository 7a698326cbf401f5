package org.servicerecords.registry.client.internal.submit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.servicerecords.registry.client.ContractException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;

/**
 * Endorsement of the transactions the library submits: on the own organisation only, with one
 * co-endorsing organisation (failing over between co-endorsers), or as the chaincode's policy
 * plans; functions whose answer is personal data are refused here. Nothing is sent to the orderers:
 * {@link Submitter} does that, exactly once.
 */
public final class Endorser {

  private final Connector connector;

  /**
   * An endorser over a connector.
   *
   * @param connector the connector ({@code null} only where nothing is endorsed, in tests)
   */
  public Endorser(Connector connector) {
    this.connector = connector;
  }

  /**
   * Functions whose answer is personal data: they are only ever evaluated. A submitted
   * transaction's response is part of its endorsement, which is written into the block and so
   * reaches every organisation of the channel and stays there.
   */
  public static final Set<String> EVALUATE_ONLY = Set.of("ReadDetails");

  /**
   * Endorses a transaction on the client's own organisation only, failing over between its
   * endpoints while they give no answer (nothing has been sent to the orderers yet, so a new
   * proposal is safe).
   */
  public Submitter.Prepared endorse(
      String chaincode, String function, Map<String, byte[]> transientData, String... args)
      throws RegistryException {
    return endorse(chaincode, function, transientData, true, args);
  }

  /**
   * Endorses a records write on the client's own organisation and one co-endorsing organisation,
   * named by the library so that the Gateway's plan never follows a policy of a chaincode the
   * transaction only reads (governance's majority). The co-endorsers are tried in the given order;
   * the next one is asked when a co-endorser gives no answer (its peers down or unreachable) or
   * when the refusal came from the co-endorser's peer alone (an error with a code that the own
   * organisation's peer did not give: a co-endorser whose clock is off, whose ledger lags, or that
   * refuses on purpose cannot block the agency while the policy accepts another). A refusal by the
   * own organisation's peer is final; so is a refusal every co-endorser gave, except that a record
   * or application not found by all of them (their peers may not have committed the block yet) is
   * asked once more after {@link #CO_ENDORSER_LAG}. Nothing has been sent to the orderers before
   * this returns, so every attempt may build a new proposal. Takes no transient data: the
   * co-endorser would see it.
   *
   * @param chaincode the records namespace
   * @param function the qualified function name
   * @param coEndorsers candidate co-endorsing MSP ids, preferred first; must not be empty
   * @param args the arguments
   * @return the endorsed transaction
   */
  public Submitter.Prepared endorseWithCoEndorser(
      String chaincode, String function, List<String> coEndorsers, String... args)
      throws RegistryException {
    refuseEvaluateOnly(function);
    if (coEndorsers.isEmpty()) {
      throw RegistryException.local(
          "no other organisation is known to co-endorse " + chaincode + " " + function);
    }
    String msp = connector.credentials().mspId();
    List<String> tried = new ArrayList<>();
    RegistryException last = null;
    ContractException firstRefusal = null;
    for (int round = 0; round < 2; round++) {
      boolean allNotFound = true;
      for (String coEndorser : coEndorsers) {
        try {
          return connector.withFailover(
              Stage.ENDORSE,
              gateway -> {
                try {
                  Transaction tx =
                      endorse(
                          connector
                              .contract(gateway, chaincode)
                              .newProposal(function)
                              .addArguments(args)
                              .setEndorsingOrganizations(msp, coEndorser)
                              .build());
                  return new Submitter.Prepared(
                      tx.getTransactionId(), tx.getBytes(), tx.getResult());
                } catch (EndorseException e) {
                  if (refusedOnlyBy(e, coEndorser)) {
                    throw new CoEndorserRefusal(ErrorMapper.fromGateway(e, Stage.ENDORSE, null));
                  }
                  throw e;
                }
              });
        } catch (CoEndorserRefusal refusal) {
          tried.add(coEndorser + " (refused)");
          last = refusal.mapped;
          if (refusal.mapped instanceof ContractException coded) {
            firstRefusal = firstRefusal == null ? coded : firstRefusal;
            allNotFound &= coded instanceof NotFoundException;
          }
        } catch (ContractException ownRefusal) {
          throw ownRefusal;
        } catch (RegistryException e) {
          tried.add(coEndorser);
          last = e;
          allNotFound = false;
        }
      }
      if (firstRefusal == null || !allNotFound || round == 1) {
        break;
      }
      Submitter.pause(CO_ENDORSER_LAG);
      tried.clear();
    }
    if (firstRefusal != null) {
      throw firstRefusal;
    }
    throw NetworkException.unreachable(
        "no co-endorser answered for "
            + chaincode
            + " "
            + function
            + " (tried "
            + String.join(", ", tried)
            + "): "
            + last.getMessage(),
        Stage.ENDORSE,
        null,
        last instanceof NetworkException n ? n.grpcStatus() : null,
        last);
  }

  /** How long co-endorsers that all did not find a record are given to commit its block. */
  static final Duration CO_ENDORSER_LAG = Duration.ofSeconds(2);

  /** A refusal that came from the co-endorser's peer alone, carried out of the Gateway call. */
  private static final class CoEndorserRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RegistryException mapped;

    CoEndorserRefusal(RegistryException mapped) {
      super(mapped.getMessage(), null, false, false);
      this.mapped = mapped;
    }
  }

  /**
   * Whether the only peers that refused with a contract error code belong to {@code coEndorser}.
   */
  static boolean refusedOnlyBy(EndorseException e, String coEndorser) {
    Set<String> refusing = new java.util.TreeSet<>();
    for (ErrorDetail detail : e.getDetails()) {
      if (org.servicerecords.registry.model.ErrorCode.fromMessage(detail.getMessage()) != null) {
        refusing.add(detail.getMspId());
      }
    }
    return refusing.equals(Set.of(coEndorser));
  }

  /**
   * Endorses a transaction without transient data on the organisations the Gateway's endorsement
   * plan names for the chaincode's policy ({@code governance}: a majority of the organisations),
   * with the same failover as {@link #endorse(String, String, Map, String...)}.
   */
  public Submitter.Prepared endorseByPolicy(String chaincode, String function, String... args)
      throws RegistryException {
    return endorse(chaincode, function, Map.of(), false, args);
  }

  private Submitter.Prepared endorse(
      String chaincode,
      String function,
      Map<String, byte[]> transientData,
      boolean ownOrganizationOnly,
      String... args)
      throws RegistryException {
    refuseEvaluateOnly(function);
    String msp = connector.credentials().mspId();
    return connector.withFailover(
        Stage.ENDORSE,
        gateway -> {
          Proposal.Builder builder =
              connector.contract(gateway, chaincode).newProposal(function).addArguments(args);
          if (ownOrganizationOnly) {
            builder.setEndorsingOrganizations(msp);
          }
          if (!transientData.isEmpty()) {
            builder.putAllTransient(transientData);
          }
          Transaction tx = endorse(builder.build());
          return new Submitter.Prepared(tx.getTransactionId(), tx.getBytes(), tx.getResult());
        });
  }

  private static void refuseEvaluateOnly(String function) throws RegistryException {
    String name = function.substring(function.lastIndexOf(':') + 1);
    if (EVALUATE_ONLY.contains(name)) {
      throw RegistryException.local(
          function
              + " returns personal data and is only ever evaluated: the response of a submitted"
              + " transaction would be written into the block");
    }
  }

  private static Transaction endorse(Proposal proposal) throws EndorseException {
    return proposal.endorse();
  }
}
