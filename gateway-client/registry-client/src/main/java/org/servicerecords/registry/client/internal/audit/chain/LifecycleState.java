package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.CollectionConfigPackage;
import org.hyperledger.fabric.protos.peer.lifecycle.ChaincodeValidationInfo;
import org.hyperledger.fabric.protos.peer.lifecycle.StateData;
import org.hyperledger.fabric.protos.peer.lifecycle.StateMetadata;

/**
 * The committed chaincode definitions, rebuilt from the public writes of valid {@code _lifecycle}
 * transactions (read in Fabric's core/chaincode/lifecycle: a definition is stored as {@code
 * namespaces/metadata/<name>}, a {@code StateMetadata} of data type {@code ChaincodeDefinition},
 * and one {@code namespaces/fields/<name>/<Field>} key per field holding a {@code StateData}). As
 * the peer's validator reads committed state, writes of a block take effect after the block.
 */
final class LifecycleState {

  /** The lifecycle system chaincode's namespace. */
  static final String NAMESPACE = "_lifecycle";

  private static final String DEFINITION_TYPE = "ChaincodeDefinition";

  private final Map<String, ByteString> committed = new HashMap<>();
  private final Map<String, ByteString> pending = new LinkedHashMap<>();

  /**
   * A committed chaincode definition's validation-relevant parts.
   *
   * @param plugin the validation plugin ({@code vscc} for Fabric's built-in one)
   * @param validationParameter the serialized {@code ApplicationPolicy}
   * @param collections the collection configurations (empty when none)
   */
  record Definition(
      String plugin, ByteString validationParameter, CollectionConfigPackage collections) {}

  /**
   * Records a valid transaction's public writes to {@code _lifecycle}, in force after the block.
   *
   * @param write the write
   */
  void stage(KVWrite write) {
    pending.put(
        write.getKey(),
        write.getIsDelete() || write.getValue().isEmpty() ? ByteString.EMPTY : write.getValue());
  }

  /** Puts the staged writes of the block in force. */
  void commitBlock() {
    pending.forEach(
        (key, value) -> {
          if (value.isEmpty()) {
            committed.remove(key);
          } else {
            committed.put(key, value);
          }
        });
    pending.clear();
  }

  /**
   * The committed definition of a chaincode.
   *
   * @param name the chaincode's name
   * @return the definition, or empty when none is committed (or it cannot be read)
   */
  Optional<Definition> definition(String name) {
    ByteString metadata = committed.get("namespaces/metadata/" + name);
    if (metadata == null) {
      return Optional.empty();
    }
    try {
      if (!StateMetadata.parseFrom(metadata).getDatatype().equals(DEFINITION_TYPE)) {
        return Optional.empty();
      }
      ChaincodeValidationInfo validation =
          ChaincodeValidationInfo.parseFrom(field(name, "ValidationInfo"));
      CollectionConfigPackage collections =
          CollectionConfigPackage.parseFrom(field(name, "Collections"));
      return Optional.of(
          new Definition(
              validation.getValidationPlugin(), validation.getValidationParameter(), collections));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  private ByteString field(String name, String field) throws InvalidProtocolBufferException {
    ByteString value = committed.get("namespaces/fields/" + name + "/" + field);
    return value == null ? ByteString.EMPTY : StateData.parseFrom(value).getBytes();
  }
}
