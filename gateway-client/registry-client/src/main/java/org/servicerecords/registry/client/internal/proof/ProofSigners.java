package org.servicerecords.registry.client.internal.proof;

import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.servicerecords.registry.client.ProofFailure;
import org.servicerecords.registry.client.TrustRoots;
import org.servicerecords.registry.client.internal.audit.chain.Ecdsa;
import org.servicerecords.registry.client.internal.trust.CertificateChains;

/**
 * Who signed what in a proof, against the roots a verifier holds: an identity is trusted when its
 * certificate chains to a root of the organisation it names (and holds the NodeOU asked for), and a
 * signature when it verifies as Fabric's MSP verifies it (low-S ECDSA over SHA-256). Identities and
 * valid signatures found once are remembered (bounded), so that near-identical proofs are checked
 * quickly.
 */
final class ProofSigners {

  private final TrustRoots roots;

  /** Signature checks already found valid (bounded; see {@link #verifiedKey}). */
  private final Map<ByteString, Boolean> verified = boundedMap(256);

  /** Identities already found to chain to the roots, with their certificates (bounded). */
  private final Map<ByteString, X509Certificate> chained = boundedMap(64);

  ProofSigners(TrustRoots roots) {
    this.roots = roots;
  }

  private static <V> Map<ByteString, V> boundedMap(int size) {
    return java.util.Collections.synchronizedMap(
        new LinkedHashMap<>(size, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<ByteString, V> eldest) {
            return size() > size;
          }
        });
  }

  /** A signer whose certificate chains to its organisation's roots. */
  record Signer(String mspId, X509Certificate certificate) {
    String subject() {
      return certificate.getSubjectX500Principal().getName();
    }

    String describe() {
      return subject() + " of " + mspId;
    }
  }

  Signer trusted(ByteString serialized, String role, String what) throws ProofProblem {
    SerializedIdentity identity =
        Strict.parse(SerializedIdentity.parser(), serialized, what + "'s identity");
    String mspId = identity.getMspid();
    List<X509Certificate> anchors = roots.rootsOf(mspId);
    if (anchors.isEmpty()) {
      throw new ProofProblem(
          ProofFailure.UNTRUSTED_SIGNER,
          what + " is of '" + mspId + "', an organisation the roots do not hold");
    }
    X509Certificate certificate = chained.get(serialized);
    if (certificate != null) {
      Signer known = new Signer(mspId, certificate);
      if (role != null && !CertificateChains.hasOu(certificate, role)) {
        throw new ProofProblem(
            ProofFailure.WRONG_ROLE, what + ", " + known.describe() + ", is not a " + role);
      }
      return known;
    }
    try {
      certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(identity.getIdBytes().toByteArray()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, what + "'s certificate does not parse");
    }
    Signer signer = new Signer(mspId, certificate);
    if (!chains(certificate, anchors)) {
      throw new ProofProblem(
          ProofFailure.UNTRUSTED_SIGNER,
          what + ", " + signer.describe() + ", is not issued by a root of " + mspId + " given");
    }
    chained.put(serialized, certificate);
    if (role != null && !CertificateChains.hasOu(certificate, role)) {
      throw new ProofProblem(
          ProofFailure.WRONG_ROLE, what + ", " + signer.describe() + ", is not a " + role);
    }
    return signer;
  }

  private static boolean chains(X509Certificate certificate, List<X509Certificate> anchors) {
    return CertificateChains.chainsTo(certificate, anchors, List.of(), c -> true);
  }

  void verify(Signer signer, ByteString signature, String what, byte[]... signed)
      throws ProofProblem {
    ByteString key = verifiedKey(signer, signature, signed);
    if (verified.containsKey(key)) {
      return;
    }
    Ecdsa.Outcome outcome =
        Ecdsa.verify(signer.certificate().getPublicKey(), signature.toByteArray(), signed);
    if (outcome != Ecdsa.Outcome.VALID) {
      throw new ProofProblem(
          ProofFailure.SIGNATURE_INVALID,
          what
              + " by "
              + signer.describe()
              + (outcome == Ecdsa.Outcome.HIGH_S
                  ? " is high-S, which Fabric refuses"
                  : " does not verify"));
    }
    verified.put(key, Boolean.TRUE);
  }

  /**
   * What identifies one signature check: SHA-256 over the public key, the signature and the signed
   * parts, each length-prefixed. A check's outcome depends on nothing else, so a valid one found
   * before (verifying many near-identical proofs, for example) need not be computed again.
   */
  private static ByteString verifiedKey(Signer signer, ByteString signature, byte[]... signed) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(signer.certificate().getPublicKey().getEncoded());
    parts.add(signature.toByteArray());
    parts.addAll(List.of(signed));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(ByteBuffer.allocate(8).putLong(part.length).array());
        digest.update(part);
      }
      return ByteString.copyFrom(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
