package org.servicerecords.registry.chaincode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.servicerecords.registry.testing.Ledger;
import org.servicerecords.registry.testing.Network;

/**
 * Byte-exact text forms of transaction outcomes and ledgers, so that two runs can be compared with
 * {@code equals} and a difference shows up readably. Values are Base64 of their exact bytes; keys
 * show U+0000 as {@code \0}.
 */
final class Transcript {

  private Transcript() {}

  /** Status, message, payload, the write set in order, events, tx id and timestamp. */
  static List<String> of(Network.Result result) {
    List<String> lines = new ArrayList<>();
    lines.add("tx " + result.txId() + " at " + result.timestamp());
    lines.add("status " + result.status() + " message " + result.message());
    lines.add("payload " + (result.payload() == null ? "-" : bytes(utf8(result.payload()))));
    for (Ledger.Write write : result.writes()) {
      lines.add(
          "write "
              + write.kind()
              + " "
              + (write.collection() == null ? "-" : write.collection())
              + " "
              + Ledger.printable(write.key())
              + " "
              + (write.value() == null ? "-" : bytes(write.value())));
    }
    for (ChaincodeEvent event : result.events()) {
      lines.add("event " + event.getEventName() + " " + bytes(event.getPayload().toByteArray()));
    }
    return lines;
  }

  /**
   * Every ledger of the network: public state, history, private data and private data hashes, keyed
   * {@code "<chaincode> state|history|private|hash [<collection>] <key>"}.
   */
  static SortedMap<String, String> ledgers(Network network) {
    SortedMap<String, String> text = new TreeMap<>();
    for (Map.Entry<String, Ledger> named : network.ledgers().entrySet()) {
      String name = named.getKey();
      Ledger ledger = named.getValue();
      ledger
          .state()
          .forEach(
              (key, value) -> text.put(name + " state " + Ledger.printable(key), bytes(value)));
      new TreeMap<>(ledger.history())
          .forEach(
              (key, modifications) -> {
                StringBuilder versions = new StringBuilder();
                for (Ledger.Modification m : modifications) {
                  versions
                      .append(m.txId())
                      .append('@')
                      .append(m.timestamp())
                      .append(m.deleted() ? " deleted" : " " + bytes(m.value()))
                      .append(';');
                }
                text.put(name + " history " + Ledger.printable(key), versions.toString());
              });
      new TreeMap<>(ledger.privateData())
          .forEach(
              (collection, data) ->
                  data.forEach(
                      (key, value) ->
                          text.put(
                              name + " private " + collection + " " + Ledger.printable(key),
                              bytes(value))));
      new TreeMap<>(ledger.privateHashes())
          .forEach(
              (collection, hashes) ->
                  hashes.forEach(
                      (key, hash) ->
                          text.put(
                              name + " hash " + collection + " " + Ledger.printable(key),
                              HexFormat.of().formatHex(hash))));
    }
    return text;
  }

  /** The public state of one ledger in a {@link #ledgers} map: printable key to UTF-8 value. */
  static SortedMap<String, String> publicState(Map<String, String> ledgers, String chaincode) {
    String prefix = chaincode + " state ";
    SortedMap<String, String> state = new TreeMap<>();
    ledgers.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            state.put(
                key.substring(prefix.length()),
                new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
          }
        });
    return state;
  }

  private static String bytes(byte[] value) {
    return Base64.getEncoder().encodeToString(value);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
