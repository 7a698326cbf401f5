package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A channel configuration policy, evaluated over identities whose signatures verified, with the
 * semantics of Fabric's policies (read in common/policies and common/cauthdsl): signature policies
 * ({@code SignedBy} takes the first identity not yet used that satisfies its principal; {@code
 * NOutOf} keeps what each satisfied branch used), implicit meta policies ({@code ANY}, {@code ALL},
 * {@code MAJORITY} of the sub-groups' policies of a name). Principals: MSP roles (member, admin,
 * client, peer, orderer) and identities; any other principal is never satisfied.
 */
interface Policy {

  /** The policy type numbers of common.Policy. */
  int SIGNATURE = 1;

  /** The implicit meta policy type. */
  int IMPLICIT_META = 3;

  /**
   * Whether the identities satisfy the policy.
   *
   * @param signers distinct identities whose signatures verified
   * @return true when satisfied
   */
  boolean satisfiedBy(List<Signer> signers);

  /**
   * Reads a group's policy of a name, following implicit meta policies into its sub-groups.
   *
   * @param group the configuration group
   * @param name the policy's name
   * @param msps the channel's MSPs by id
   * @return the policy (never satisfied when absent or of an unknown type)
   * @throws InvalidProtocolBufferException if a policy cannot be parsed
   * @throws CertificateException if an identity principal's certificate cannot be parsed
   */
  static Policy of(ConfigGroup group, String name, Map<String, Msp> msps)
      throws InvalidProtocolBufferException, CertificateException {
    ConfigPolicy configPolicy = group.getPoliciesMap().get(name);
    if (configPolicy == null) {
      return signers -> false;
    }
    var policy = configPolicy.getPolicy();
    if (policy.getType() == SIGNATURE) {
      return signature(SignaturePolicyEnvelope.parseFrom(policy.getValue()));
    }
    if (policy.getType() == IMPLICIT_META) {
      ImplicitMetaPolicy meta = ImplicitMetaPolicy.parseFrom(policy.getValue());
      List<Policy> subPolicies = new ArrayList<>();
      for (ConfigGroup sub : new TreeMap<>(group.getGroupsMap()).values()) {
        subPolicies.add(of(sub, meta.getSubPolicy(), msps));
      }
      int threshold =
          switch (meta.getRule()) {
            case ANY -> 1;
            case ALL -> subPolicies.size();
            case MAJORITY -> subPolicies.size() / 2 + 1;
            default -> Integer.MAX_VALUE;
          };
      return signers -> {
        int satisfied = 0;
        for (Policy sub : subPolicies) {
          if (sub.satisfiedBy(signers)) {
            satisfied++;
          }
        }
        return satisfied >= threshold;
      };
    }
    return signers -> false;
  }

  /**
   * Compiles a signature policy.
   *
   * @param envelope the signature policy envelope
   * @return the policy
   * @throws InvalidProtocolBufferException if a principal cannot be parsed
   * @throws CertificateException if an identity principal's certificate cannot be parsed
   */
  static Policy signature(SignaturePolicyEnvelope envelope)
      throws InvalidProtocolBufferException, CertificateException {
    List<Principal> principals = new ArrayList<>();
    for (MSPPrincipal principal : envelope.getIdentitiesList()) {
      principals.add(Principal.of(principal));
    }
    SignaturePolicy rule = envelope.getRule();
    return signers -> evaluate(rule, principals, signers, new boolean[signers.size()]);
  }

  private static boolean evaluate(
      SignaturePolicy rule, List<Principal> principals, List<Signer> signers, boolean[] used) {
    switch (rule.getTypeCase()) {
      case SIGNED_BY -> {
        int index = rule.getSignedBy();
        if (index < 0 || index >= principals.size()) {
          return false;
        }
        Principal principal = principals.get(index);
        for (int i = 0; i < signers.size(); i++) {
          if (!used[i] && principal.satisfiedBy(signers.get(i))) {
            used[i] = true;
            return true;
          }
        }
        return false;
      }
      case N_OUT_OF -> {
        int verified = 0;
        for (SignaturePolicy sub : rule.getNOutOf().getRulesList()) {
          boolean[] attempt = used.clone();
          if (evaluate(sub, principals, signers, attempt)) {
            verified++;
            System.arraycopy(attempt, 0, used, 0, used.length);
          }
        }
        return verified >= rule.getNOutOf().getN();
      }
      default -> {
        return false;
      }
    }
  }

  /** One principal of a signature policy. */
  interface Principal {
    boolean satisfiedBy(Signer signer);

    static Principal of(MSPPrincipal principal)
        throws InvalidProtocolBufferException, CertificateException {
      switch (principal.getPrincipalClassification()) {
        case ROLE -> {
          MSPRole role = MSPRole.parseFrom(principal.getPrincipal());
          String mspId = role.getMspIdentifier();
          return switch (role.getRole()) {
            case MEMBER -> signer -> signer.msp().mspId().equals(mspId);
            case ADMIN ->
                signer ->
                    signer.msp().mspId().equals(mspId)
                        && (signer.msp().admins().contains(signer.certificate())
                            || (signer.msp().nodeOus()
                                && Msp.hasOu(signer.certificate(), signer.msp().adminOu())));
            case CLIENT -> ou(mspId, Msp::clientOu);
            case PEER -> ou(mspId, Msp::peerOu);
            case ORDERER -> ou(mspId, Msp::ordererOu);
            default -> signer -> false;
          };
        }
        case IDENTITY -> {
          SerializedIdentity identity = SerializedIdentity.parseFrom(principal.getPrincipal());
          X509Certificate certificate =
              Msp.certificates(identity.getIdBytes().toByteArray()).get(0);
          String mspId = identity.getMspid();
          return signer ->
              signer.msp().mspId().equals(mspId) && signer.certificate().equals(certificate);
        }
        default -> {
          return signer -> false;
        }
      }
    }

    private static Principal ou(String mspId, java.util.function.Function<Msp, String> which) {
      return signer ->
          signer.msp().mspId().equals(mspId)
              && signer.msp().nodeOus()
              && Msp.hasOu(signer.certificate(), which.apply(signer.msp()));
    }
  }
}
