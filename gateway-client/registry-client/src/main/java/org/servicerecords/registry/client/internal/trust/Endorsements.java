package org.servicerecords.registry.client.internal.trust;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.AttestationException.Reason;
import org.servicerecords.registry.client.internal.audit.EventCheck;

/**
 * Checks endorsements without trusting the peer that returned them. One endorsement check ({@link
 * #verify}: the certificate chains to its organisation's roots in the channel configuration, is
 * valid at the given instant and is a peer's; the signature verifies over the proposal response
 * payload and the endorser) serves two uses:
 *
 * <ul>
 *   <li>attested verification ({@link #check}): an endorsed, never submitted transaction envelope,
 *       whose every endorsement must pass, whose endorsed proposal must be the question asked, and
 *       of which enough of the requested organisations endorsed; only then is the chaincode's
 *       answer returned;
 *   <li>chaincode events ({@link EventCheck}): a committed transaction's event counts only when an
 *       endorsement of the namespace's owner (or of a majority of governance's members) passes.
 * </ul>
 */
public final class Endorsements {

  /** The NodeOU of peers (Fabric's {@code PeerOUIdentifier}). */
  static final String PEER_OU = "peer";

  private Endorsements() {}

  /**
   * The question the endorsed transaction must answer.
   *
   * @param transactionId the proposal's transaction id
   * @param chaincode the chaincode (namespace) asked
   * @param args the function name then its arguments, as sent
   */
  public record Question(String transactionId, String chaincode, List<String> args) {
    public Question {
      args = List.copyOf(args);
    }
  }

  /**
   * The checked answer.
   *
   * @param payload the chaincode's response payload every endorser signed
   * @param endorsers per organisation (in endorsement order) the endorsing peer's certificate
   *     subject
   */
  public record Attested(byte[] payload, Map<String, String> endorsers) {
    public Attested {
      payload = payload.clone();
      endorsers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endorsers));
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }
  }

  /**
   * Checks an envelope.
   *
   * @param envelopeBytes the transaction envelope ({@code Transaction.getBytes()} after endorse)
   * @param msps the channel's organisations
   * @param question what was asked
   * @param requested the organisations named as endorsers; each must have endorsed
   * @param minimum the least number of distinct organisations
   * @param now the instant certificates must be valid at
   * @return the answer and its endorsers
   * @throws AttestationException naming the first check that failed
   */
  public static Attested check(
      byte[] envelopeBytes,
      ChannelMsps msps,
      Question question,
      List<String> requested,
      int minimum,
      Instant now)
      throws AttestationException {
    ChaincodeActionPayload actionPayload;
    Payload payload;
    try {
      Envelope envelope = Envelope.parseFrom(envelopeBytes);
      payload = Payload.parseFrom(envelope.getPayload());
      Transaction transaction = Transaction.parseFrom(payload.getData());
      if (transaction.getActionsCount() != 1) {
        throw new AttestationException(
            Reason.MALFORMED,
            "the transaction holds " + transaction.getActionsCount() + " actions, not 1",
            null);
      }
      TransactionAction action = transaction.getActions(0);
      actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
    } catch (InvalidProtocolBufferException e) {
      throw new AttestationException(Reason.MALFORMED, "the envelope cannot be parsed", e);
    }
    ChaincodeEndorsedAction endorsed = actionPayload.getAction();
    ByteString responsePayload = endorsed.getProposalResponsePayload();
    if (endorsed.getEndorsementsCount() == 0) {
      throw new AttestationException(Reason.TOO_FEW_ORGANISATIONS, "no endorsement", null);
    }

    Map<String, String> endorsers = new LinkedHashMap<>();
    for (Endorsement endorsement : endorsed.getEndorsementsList()) {
      Endorser endorser = verify(endorsement, responsePayload, msps, now);
      endorsers.putIfAbsent(endorser.mspId(), endorser.subject());
    }

    Set<String> missing = new LinkedHashSet<>(requested);
    missing.removeAll(endorsers.keySet());
    List<String> counted = new ArrayList<>(endorsers.keySet());
    counted.retainAll(requested);
    if (!missing.isEmpty() || counted.size() < minimum) {
      throw new AttestationException(
          Reason.TOO_FEW_ORGANISATIONS,
          "endorsed by "
              + endorsers.keySet()
              + ", "
              + minimum
              + " of "
              + requested
              + " asked"
              + (missing.isEmpty() ? "" : "; missing " + missing),
          null);
    }

    byte[] answer = answerTo(question, payload, actionPayload, responsePayload);
    return new Attested(answer, endorsers);
  }

  /**
   * A peer whose endorsement passed {@link #verify}.
   *
   * @param mspId its organisation
   * @param subject its certificate's subject
   */
  public record Endorser(String mspId, String subject) {}

  /**
   * The organisation an endorsement claims, unchecked (for reports; {@link #verify} checks it).
   *
   * @param endorsement the endorsement
   * @return the MSP id the endorser's serialized identity names, or {@code null} if it cannot be
   *     parsed
   */
  public static String claimedMsp(Endorsement endorsement) {
    try {
      return SerializedIdentity.parseFrom(endorsement.getEndorser()).getMspid();
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  /**
   * Checks one endorsement: its endorser names an organisation of the channel configuration, the
   * endorser's certificate chains to that organisation's roots (through its intermediates) and is
   * valid at {@code at}, holds the peer NodeOU, and its ECDSA-SHA256 signature verifies over the
   * proposal response payload followed by the endorser's bytes.
   *
   * @param endorsement the endorsement
   * @param responsePayload the proposal response payload it must have signed
   * @param msps the channel's organisations
   * @param at the instant the certificates must be valid at
   * @return the endorsing peer
   * @throws AttestationException ({@link Reason#MALFORMED}, {@link Reason#UNKNOWN_ORGANISATION},
   *     {@link Reason#CERTIFICATE_NOT_TRUSTED}, {@link Reason#NOT_A_PEER} or {@link
   *     Reason#SIGNATURE_INVALID}) naming the first check that failed
   */
  public static Endorser verify(
      Endorsement endorsement, ByteString responsePayload, ChannelMsps msps, Instant at)
      throws AttestationException {
    SerializedIdentity identity;
    try {
      identity = SerializedIdentity.parseFrom(endorsement.getEndorser());
    } catch (InvalidProtocolBufferException e) {
      throw new AttestationException(Reason.MALFORMED, "an endorser cannot be parsed", e);
    }
    String mspId = identity.getMspid();
    ChannelMsps.Msp msp = msps.organizations().get(mspId);
    if (msp == null) {
      throw new AttestationException(
          Reason.UNKNOWN_ORGANISATION,
          "endorser of '" + mspId + "', which the channel configuration does not hold",
          null);
    }
    X509Certificate certificate = ChannelMsps.parse(identity.getIdBytes().toByteArray()).get(0);
    String subject = certificate.getSubjectX500Principal().getName();
    if (!chainsToRoot(certificate, msp, at)) {
      throw new AttestationException(
          Reason.CERTIFICATE_NOT_TRUSTED,
          "endorser "
              + subject
              + " of "
              + mspId
              + " does not chain to its roots or is not valid at "
              + at,
          null);
    }
    if (!isPeer(certificate)) {
      throw new AttestationException(
          Reason.NOT_A_PEER, "endorser " + subject + " of " + mspId + " is not a peer", null);
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(responsePayload.toByteArray());
      verifier.update(endorsement.getEndorser().toByteArray());
      if (!verifier.verify(endorsement.getSignature().toByteArray())) {
        throw signatureInvalid(subject, mspId, null);
      }
    } catch (GeneralSecurityException e) {
      throw signatureInvalid(subject, mspId, e);
    }
    return new Endorser(mspId, subject);
  }

  private static AttestationException signatureInvalid(
      String subject, String mspId, Throwable cause) {
    return new AttestationException(
        Reason.SIGNATURE_INVALID,
        "the signature of " + subject + " of " + mspId + " does not verify",
        cause);
  }

  /** The chaincode's answer, after checking that the endorsed proposal is the question asked. */
  private static byte[] answerTo(
      Question question,
      Payload payload,
      ChaincodeActionPayload actionPayload,
      ByteString responsePayload)
      throws AttestationException {
    try {
      ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
      if (!channelHeader.getTxId().equals(question.transactionId())) {
        throw notAsked("transaction id " + channelHeader.getTxId());
      }
      ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(responsePayload);
      if (!proposalHashMatches(
          payload.getHeader().getChannelHeader(),
          payload.getHeader().getSignatureHeader(),
          actionPayload.getChaincodeProposalPayload(),
          prp)) {
        throw notAsked("a proposal hash that does not match the proposal");
      }
      ChaincodeProposalPayload proposal =
          ChaincodeProposalPayload.parseFrom(actionPayload.getChaincodeProposalPayload());
      ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.parseFrom(proposal.getInput());
      String chaincode = invocation.getChaincodeSpec().getChaincodeId().getName();
      List<String> args =
          invocation.getChaincodeSpec().getInput().getArgsList().stream()
              .map(ByteString::toStringUtf8)
              .toList();
      if (!chaincode.equals(question.chaincode()) || !args.equals(question.args())) {
        throw notAsked("another chaincode, function or arguments");
      }
      ChaincodeAction action = ChaincodeAction.parseFrom(prp.getExtension());
      if (!action.getChaincodeId().getName().equals(question.chaincode())) {
        throw notAsked("an answer of chaincode " + action.getChaincodeId().getName());
      }
      int status = action.getResponse().getStatus();
      if (status < 200 || status >= 400) {
        throw new AttestationException(
            Reason.MALFORMED, "the endorsed response has status " + status, null);
      }
      return action.getResponse().getPayload().toByteArray();
    } catch (InvalidProtocolBufferException e) {
      throw new AttestationException(Reason.MALFORMED, "the endorsed answer cannot be parsed", e);
    }
  }

  /**
   * Whether a proposal response payload answers the proposal it travels with: its {@code
   * proposal_hash} is SHA-256 over the channel header, the signature header and the chaincode
   * proposal payload (Fabric's {@code GetProposalHash2}, which the peers also check at validation).
   * This binds the endorsements to the transaction id and arguments of that proposal.
   *
   * @param channelHeader the transaction's channel header bytes
   * @param signatureHeader the signature header bytes (the transaction's, or its action's)
   * @param chaincodeProposalPayload the chaincode proposal payload bytes as carried
   * @param prp the proposal response payload
   * @return true when the hash matches
   */
  public static boolean proposalHashMatches(
      ByteString channelHeader,
      ByteString signatureHeader,
      ByteString chaincodeProposalPayload,
      ProposalResponsePayload prp) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(channelHeader.toByteArray());
      digest.update(signatureHeader.toByteArray());
      digest.update(chaincodeProposalPayload.toByteArray());
      return MessageDigest.isEqual(digest.digest(), prp.getProposalHash().toByteArray());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static AttestationException notAsked(String what) {
    return new AttestationException(
        Reason.NOT_THE_QUESTION_ASKED, "the endorsed proposal has " + what, null);
  }

  /**
   * Whether the certificate chains, through the MSP's intermediates, to one of its roots, every
   * certificate of the path valid at the instant.
   */
  static boolean chainsToRoot(X509Certificate certificate, ChannelMsps.Msp msp, Instant now) {
    return CertificateChains.chainsTo(
        certificate, msp.roots(), msp.intermediates(), c -> validAt(c, now));
  }

  private static boolean validAt(X509Certificate certificate, Instant now) {
    try {
      certificate.checkValidity(Date.from(now));
      return true;
    } catch (java.security.cert.CertificateException e) {
      return false;
    }
  }

  /** Whether the certificate's subject holds the NodeOU {@value #PEER_OU}. */
  static boolean isPeer(X509Certificate certificate) {
    return CertificateChains.hasOu(certificate, PEER_OU);
  }
}
