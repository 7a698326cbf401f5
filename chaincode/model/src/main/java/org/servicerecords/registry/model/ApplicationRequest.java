package org.servicerecords.registry.model;

/**
 * The argument of {@code records:RecordApplication}: the receipt of a citizen's application.
 *
 * @param applicationId the application's id, same charset as record ids
 * @param serviceCode the public service applied for, same charset as ids, at most 64 characters
 * @param receivedAt when the application was received (ISO-8601 instant, asserted by the agency)
 */
public record ApplicationRequest(String applicationId, String serviceCode, String receivedAt) {

  /**
   * Starts an application request: every part unset ({@code null}) until given.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ApplicationRequest} part by part, so that no call site lines up its parts. */
  public static final class Builder {
    private String applicationId;
    private String serviceCode;
    private String receivedAt;

    private Builder() {}

    /**
     * Sets the application id.
     *
     * @param value the application id
     * @return this builder
     */
    public Builder applicationId(String value) {
      this.applicationId = value;
      return this;
    }

    /**
     * Sets the service applied for.
     *
     * @param value the service applied for
     * @return this builder
     */
    public Builder serviceCode(String value) {
      this.serviceCode = value;
      return this;
    }

    /**
     * Sets when the application was received (ISO-8601).
     *
     * @param value when the application was received (ISO-8601)
     * @return this builder
     */
    public Builder receivedAt(String value) {
      this.receivedAt = value;
      return this;
    }

    /**
     * Builds the application request.
     *
     * @return the application request
     */
    public ApplicationRequest build() {
      return new ApplicationRequest(applicationId, serviceCode, receivedAt);
    }
  }
}
