package org.servicerecords.registry.client.internal.proof;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.client.ProofFailure;

/**
 * Reading that accepts exactly one encoding of each value: base64 that re-encodes to the same text,
 * protobuf messages without unknown fields whose re-serialization is the same bytes.
 */
final class Strict {

  private Strict() {}

  static ByteString base64(String text, String what) throws ProofProblem {
    if (text == null) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, what + " is missing");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, what + " is not base64");
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw new ProofProblem(ProofFailure.NOT_CANONICAL, what + " is not canonical base64");
    }
    return ByteString.copyFrom(bytes);
  }

  static <T extends Message> T parse(Parser<T> parser, ByteString bytes, String what)
      throws ProofProblem {
    T message;
    try {
      message = parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new ProofProblem(ProofFailure.PROOF_MALFORMED, what + " does not parse");
    }
    if (hasUnknownFields(message)) {
      throw new ProofProblem(ProofFailure.NOT_CANONICAL, what + " carries unknown fields");
    }
    if (!message.toByteString().equals(bytes)) {
      throw new ProofProblem(
          ProofFailure.NOT_CANONICAL, what + " is not in its canonical protobuf encoding");
    }
    return message;
  }

  static boolean hasUnknownFields(Message message) {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      return true;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getValue() instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Message m && hasUnknownFields(m)) {
            return true;
          }
        }
      } else if (field.getValue() instanceof Message m && hasUnknownFields(m)) {
        return true;
      }
    }
    return false;
  }
}
