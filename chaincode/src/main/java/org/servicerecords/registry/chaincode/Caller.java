package org.servicerecords.registry.chaincode;

import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.servicerecords.registry.model.Actor;
import org.servicerecords.registry.model.CallerAttributes;

/**
 * The submitting identity: MSP, the SHA-256 of its identity string, its {@code role} attribute and
 * the document types of its {@code doctypes} attribute (read by {@link CallerAttributes}), plus the
 * endorsing peer's MSP.
 */
final class Caller {

  static final String ISSUER = "issuer";
  static final String CLERK = "clerk";
  static final String ADMIN = "admin";

  private final String msp;
  private final String idHash;
  private final String role;
  private final List<String> documentTypes;
  private final Context ctx;

  private Caller(Context ctx) {
    ClientIdentity identity = ctx.getClientIdentity();
    if (identity == null) {
      throw Refusal.notAuthorized("the caller has no X.509 identity");
    }
    this.ctx = ctx;
    this.msp = identity.getMSPID();
    this.idHash = Digests.sha256Hex(identity.getId());
    this.role = identity.getAttributeValue(CallerAttributes.ROLE);
    this.documentTypes =
        CallerAttributes.documentTypes(identity.getAttributeValue(CallerAttributes.DOCUMENT_TYPES));
  }

  static Caller of(Context ctx) {
    return new Caller(ctx);
  }

  String msp() {
    return msp;
  }

  Actor actor() {
    return new Actor(msp, idHash, role);
  }

  /** Refuses unless the caller holds one of the roles. */
  Caller requireRole(Set<String> roles) {
    if (role == null || !roles.contains(role)) {
      throw Refusal.notAuthorized("requires role " + String.join(" or ", sorted(roles)));
    }
    return this;
  }

  /** Refuses unless the caller belongs to the organisation of the endorsing peer. */
  Caller requireOwnPeer() {
    String peerMsp;
    try {
      peerMsp = ctx.getStub().getMspId();
    } catch (RuntimeException e) {
      throw Refusal.notAuthorized("the endorsing peer's MSP is unknown");
    }
    if (!msp.equals(peerMsp)) {
      throw Refusal.notAuthorized(
          "caller " + msp + " must submit through its own organisation's peer");
    }
    return this;
  }

  /** Refuses unless the caller's certificate lists the document type. */
  Caller requireDocumentType(String documentType) {
    if (!documentTypes.contains(documentType)) {
      throw Refusal.notAuthorized(
          "the caller's certificate does not allow document type " + documentType);
    }
    return this;
  }

  private static List<String> sorted(Set<String> roles) {
    return roles.stream().sorted().toList();
  }
}
