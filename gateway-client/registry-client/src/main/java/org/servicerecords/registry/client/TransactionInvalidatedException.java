package org.servicerecords.registry.client;

/**
 * The transaction reached the ledger but validation marked it invalid (for example {@code
 * MVCC_READ_CONFLICT} or {@code ENDORSEMENT_POLICY_FAILURE}); it wrote nothing.
 */
public final class TransactionInvalidatedException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final String validationCode;

  /**
   * Creates the exception.
   *
   * @param message one line that says what failed
   * @param transactionId the transaction id
   * @param validationCode Fabric's validation code name
   */
  public TransactionInvalidatedException(
      String message, String transactionId, String validationCode) {
    super(message, null, Stage.COMMIT, transactionId, null, null);
    this.validationCode = validationCode;
  }

  /**
   * Returns Fabric's validation code.
   *
   * @return the code name, for example {@code MVCC_READ_CONFLICT}
   */
  public String validationCode() {
    return validationCode;
  }
}
