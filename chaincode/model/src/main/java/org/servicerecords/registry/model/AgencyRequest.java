package org.servicerecords.registry.model;

import java.util.List;

/**
 * The argument of {@code governance:RegisterAgency}.
 *
 * @param msp the agency's MSP id (the key), {@code [A-Za-z0-9._-]{1,64}}
 * @param displayName name shown to verifiers, at most 256 characters
 * @param namespace chaincode name of its records namespace, {@code [a-z0-9][a-z0-9_.-]{0,63}}
 * @param documentTypes document types it may issue (at most 64; stored sorted, without duplicates)
 * @param activeFrom start of its active period (ISO-8601 instant)
 * @param activeUntil end of its active period (ISO-8601 instant), or {@code null} for no end
 */
public record AgencyRequest(
    String msp,
    String displayName,
    String namespace,
    List<String> documentTypes,
    String activeFrom,
    String activeUntil) {

  /** Copies the list so the value cannot change. */
  public AgencyRequest {
    documentTypes = documentTypes == null ? null : List.copyOf(documentTypes);
  }

  /**
   * Starts an agency request: every part unset ({@code null}) until given.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AgencyRequest} part by part, so that no call site lines up its parts. */
  public static final class Builder {
    private String msp;
    private String displayName;
    private String namespace;
    private List<String> documentTypes;
    private String activeFrom;
    private String activeUntil;

    private Builder() {}

    /**
     * Sets the agency's MSP id.
     *
     * @param value the agency's MSP id
     * @return this builder
     */
    public Builder msp(String value) {
      this.msp = value;
      return this;
    }

    /**
     * Sets the agency's name.
     *
     * @param value the agency's name
     * @return this builder
     */
    public Builder displayName(String value) {
      this.displayName = value;
      return this;
    }

    /**
     * Sets the agency's records namespace.
     *
     * @param value the agency's records namespace
     * @return this builder
     */
    public Builder namespace(String value) {
      this.namespace = value;
      return this;
    }

    /**
     * Sets the document types it may issue.
     *
     * @param value the document types it may issue
     * @return this builder
     */
    public Builder documentTypes(List<String> value) {
      this.documentTypes = value;
      return this;
    }

    /**
     * Sets the start of its active period (ISO-8601).
     *
     * @param value the start of its active period (ISO-8601)
     * @return this builder
     */
    public Builder activeFrom(String value) {
      this.activeFrom = value;
      return this;
    }

    /**
     * Sets the end of its active period (ISO-8601), or {@code null}.
     *
     * @param value the end of its active period (ISO-8601), or {@code null}
     * @return this builder
     */
    public Builder activeUntil(String value) {
      this.activeUntil = value;
      return this;
    }

    /**
     * Builds the agency request.
     *
     * @return the agency request
     */
    public AgencyRequest build() {
      return new AgencyRequest(msp, displayName, namespace, documentTypes, activeFrom, activeUntil);
    }
  }
}
