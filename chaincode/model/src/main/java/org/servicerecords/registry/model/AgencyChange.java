package org.servicerecords.registry.model;

import java.util.List;

/**
 * One governance change as the consortium's members approve it: what is done, to which agency, with
 * which normalised arguments, and to which version of the agency's entry. Its {@code changeId} is
 * the lowercase hex SHA-256 of its canonical JSON, so two approvals count together only when they
 * name exactly the same change of exactly the same entry version.
 *
 * @param action the transaction: {@code RegisterAgency}, {@code SetDocumentTypes}, {@code
 *     SuspendAgency} or {@code ReinstateAgency}
 * @param msp the agency's MSP id
 * @param registration the normalised request of {@code RegisterAgency} (types sorted, instants in
 *     UTC), else {@code null}
 * @param documentTypes the sorted types of {@code SetDocumentTypes}, else {@code null}
 * @param reasonCode the reason code of {@code SuspendAgency}, else {@code null}
 * @param base {@code txId} of the agency entry the change applies to; {@code null} for a
 *     registration. Once the entry changes, approvals based on the old version no longer count
 */
public record AgencyChange(
    String action,
    String msp,
    AgencyRequest registration,
    List<String> documentTypes,
    String reasonCode,
    String base) {

  /** Action of {@code governance:RegisterAgency}. */
  public static final String REGISTER = "RegisterAgency";

  /** Action of {@code governance:SetDocumentTypes}. */
  public static final String SET_DOCUMENT_TYPES = "SetDocumentTypes";

  /** Action of {@code governance:SuspendAgency}. */
  public static final String SUSPEND = "SuspendAgency";

  /** Action of {@code governance:ReinstateAgency}. */
  public static final String REINSTATE = "ReinstateAgency";

  /** Copies the list so the value cannot change. */
  public AgencyChange {
    documentTypes = documentTypes == null ? null : List.copyOf(documentTypes);
  }
}
