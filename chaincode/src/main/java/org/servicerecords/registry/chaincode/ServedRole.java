package org.servicerecords.registry.chaincode;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.servicerecords.registry.model.ErrorCode;

/**
 * Which contract this chaincode process serves, known from its own package id and never from the
 * proposal (a called chaincode sees its caller's proposal).
 *
 * <p>The peer (or, for chaincode-as-a-service, our start script) sets {@code
 * CORE_CHAINCODE_ID_NAME} to the package id {@code <label>:<hash>}; a label starting with {@code
 * governance} serves only governance transactions, one starting with {@code records} only records
 * transactions. Any other label, or no package id at all, serves nothing.
 */
public enum ServedRole {
  /** The agency records namespaces ({@code records:*} transactions). */
  RECORDS("records"),
  /** The consortium's agency registry ({@code governance:*} transactions). */
  GOVERNANCE("governance");

  /** Environment variable holding the package id. */
  public static final String PACKAGE_ID_VARIABLE = "CORE_CHAINCODE_ID_NAME";

  private static volatile UnaryOperator<String> environment = System::getenv;

  private final String labelPrefix;

  ServedRole(String labelPrefix) {
    this.labelPrefix = labelPrefix;
  }

  /**
   * Finds the role a package id serves.
   *
   * @param packageId {@code <label>:<hash>}, may be {@code null}
   * @return the role, or {@code null} if the label names neither
   */
  public static ServedRole fromPackageId(String packageId) {
    if (packageId == null) {
      return null;
    }
    int colon = packageId.indexOf(':');
    String label = colon < 0 ? packageId : packageId.substring(0, colon);
    for (ServedRole role : values()) {
      if (label.startsWith(role.labelPrefix)) {
        return role;
      }
    }
    return null;
  }

  /**
   * The role of this process, read from the environment.
   *
   * @return the role, or {@code null} if the package id is absent or names neither contract
   */
  public static ServedRole ofThisProcess() {
    return fromPackageId(environment.apply(PACKAGE_ID_VARIABLE));
  }

  /**
   * Refuses the transaction unless this process serves {@code expected}.
   *
   * @param expected the role the called contract belongs to
   * @throws org.hyperledger.fabric.shim.ChaincodeException {@code WRONG_NAMESPACE} otherwise
   */
  public static void require(ServedRole expected) {
    ServedRole served = ofThisProcess();
    if (served != expected) {
      throw Refusal.of(
          ErrorCode.WRONG_NAMESPACE,
          expected.labelPrefix
              + " transactions are not served by this chaincode (serves "
              + (served == null ? "nothing" : served.labelPrefix)
              + ")");
    }
  }

  /** Replaces the environment lookup; for tests, where no package id is set. */
  static void useEnvironment(UnaryOperator<String> lookup) {
    environment = Objects.requireNonNull(lookup, "lookup");
  }
}
