package org.servicerecords.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.JsonFormatException;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.RequestRules;
import org.servicerecords.registry.model.TransientKeys;

/**
 * Checks transient data: only the expected keys (none for the submitted transactions outside
 * anchoring), each details value a {@link PrivateDetails} JSON of at most {@value #MAX_BYTES} bytes
 * with a client-generated salt, and the one-time key and nonce of {@code ReadDetails} of their
 * exact sizes. Messages never echo the values.
 */
final class DetailsInput {

  /** Transient key of {@code AnchorCertificate} and {@code Supersede} ({@link TransientKeys}). */
  static final String KEY = TransientKeys.DETAILS;

  /** Transient key prefix of {@code AnchorBatch}: {@code details:<recordId>}. */
  static final String BATCH_KEY_PREFIX = TransientKeys.BATCH_DETAILS_PREFIX;

  static final int MAX_BYTES = InputRules.MAX_DETAILS_BYTES;

  private DetailsInput() {}

  /** Refuses any transient key outside {@code allowed}. */
  static void onlyKeys(Map<String, byte[]> transientMap, Set<String> allowed) {
    for (String key : transientMap.keySet()) {
      if (!allowed.contains(key)) {
        String shown = key.length() > 140 ? key.substring(0, 140) + "..." : key;
        throw Refusal.transientInvalid(shown, "is not expected by this transaction");
      }
    }
  }

  /**
   * Refuses any transient key: for the submitted transactions that take no transient data. Reading
   * the transient map touches no state.
   */
  static void none(ChaincodeStub stub) {
    onlyKeys(transientMap(stub), Set.of());
  }

  /** The proposal's transient data; empty when it has none. */
  static Map<String, byte[]> transientMap(ChaincodeStub stub) {
    Map<String, byte[]> transientMap = stub.getTransient();
    return transientMap == null ? Map.of() : transientMap;
  }

  /**
   * A copy of the bytes under {@code key}, which must be present and exactly {@code length} bytes
   * long: the one-time key and nonce of {@code ReadDetails}.
   */
  static byte[] exactly(Map<String, byte[]> transientMap, String key, int length) {
    byte[] value = transientMap.get(key);
    if (value == null) {
      throw Refusal.transientInvalid(key, "is required: exactly " + length + " bytes");
    }
    if (value.length != length) {
      throw Refusal.transientInvalid(key, "must hold exactly " + length + " bytes");
    }
    return value.clone();
  }

  /** The checked bytes under {@code key}, or {@code null} when absent. */
  static byte[] read(Map<String, byte[]> transientMap, String key) {
    byte[] value = transientMap.get(key);
    if (value == null) {
      return null;
    }
    String field = "transient '" + key + "'";
    Inputs.require(RequestRules.detailsSize(field, value.length));
    PrivateDetails details;
    try {
      details =
          CanonicalJson.fromJson(new String(value, StandardCharsets.UTF_8), PrivateDetails.class);
    } catch (JsonFormatException e) {
      throw Refusal.transientInvalid(key, "is not a PrivateDetails JSON object");
    }
    Inputs.require(RequestRules.privateDetails(field, details));
    return value.clone();
  }
}
