package org.servicerecords.registry.client.internal.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.DetailsCipher;
import org.servicerecords.registry.model.PrivateDetails;
import org.servicerecords.registry.model.TransientKeys;

/** The one-time key of a details read: what it sends, and how it opens the contract's answer. */
class DetailsReadKeyTest {

  private static final String SENTINEL = "Ana-Pop-1985";
  private static final String WHAT = "records-justice ReadDetails";
  private static final PrivateDetails DETAILS =
      new PrivateDetails("ab".repeat(32), new TreeMap<>(Map.of("name", SENTINEL)));

  /** The contract's answer: base64 of the stored bytes sealed under the call's key and nonce. */
  private static byte[] answer(DetailsReadKey key, String id, byte[] stored) {
    Map<String, byte[]> sent = key.transientData();
    byte[] sealed =
        DetailsCipher.seal(
            sent.get(TransientKeys.RESPONSE_KEY),
            sent.get(TransientKeys.RESPONSE_NONCE),
            id,
            stored);
    return Base64.getEncoder().encode(sealed);
  }

  private static byte[] stored() {
    return CanonicalJson.toJson(DETAILS).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sendsExactlyAKeyAndANonceOfTheContractsSizes() {
    try (DetailsReadKey key = DetailsReadKey.draw(new SecureRandom())) {
      Map<String, byte[]> sent = key.transientData();
      assertThat(sent.keySet())
          .containsExactlyInAnyOrder(TransientKeys.RESPONSE_KEY, TransientKeys.RESPONSE_NONCE);
      assertThat(sent.get(TransientKeys.RESPONSE_KEY)).hasSize(DetailsCipher.KEY_BYTES);
      assertThat(sent.get(TransientKeys.RESPONSE_NONCE)).hasSize(DetailsCipher.NONCE_BYTES);
    }
  }

  @Test
  void drawsAFreshKeyAndNonceForEveryCall() {
    SecureRandom random = new SecureRandom();
    try (DetailsReadKey first = DetailsReadKey.draw(random);
        DetailsReadKey second = DetailsReadKey.draw(random)) {
      assertThat(first.transientData().get(TransientKeys.RESPONSE_KEY))
          .isNotEqualTo(second.transientData().get(TransientKeys.RESPONSE_KEY));
      assertThat(first.transientData().get(TransientKeys.RESPONSE_NONCE))
          .isNotEqualTo(second.transientData().get(TransientKeys.RESPONSE_NONCE));
    }
  }

  @Test
  void opensTheAnswerSealedForItsRecord() throws Exception {
    try (DetailsReadKey key = DetailsReadKey.draw(new SecureRandom())) {
      assertThat(key.open(answer(key, "bc-1", stored()), "bc-1", WHAT)).isEqualTo(DETAILS);
    }
  }

  @Test
  void closeZeroesTheKeyAndTheNonce() {
    DetailsReadKey key = DetailsReadKey.draw(new SecureRandom());
    Map<String, byte[]> sent = key.transientData();
    key.close();
    assertThat(sent.get(TransientKeys.RESPONSE_KEY)).containsOnly(0);
    assertThat(sent.get(TransientKeys.RESPONSE_NONCE)).containsOnly(0);
  }

  @Test
  void copiesTheArraysItIsGiven() {
    byte[] keyBytes = new byte[DetailsCipher.KEY_BYTES];
    keyBytes[0] = 7;
    byte[] nonceBytes = new byte[DetailsCipher.NONCE_BYTES];
    try (DetailsReadKey key = new DetailsReadKey(keyBytes, nonceBytes)) {
      keyBytes[0] = 8;
      assertThat(key.transientData().get(TransientKeys.RESPONSE_KEY)[0]).isEqualTo((byte) 7);
    }
    assertThat(keyBytes[0]).isEqualTo((byte) 8);
    assertThatThrownBy(() -> new DetailsReadKey(new byte[16], nonceBytes))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DetailsReadKey(keyBytes, new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnAnswerForAnotherRecordOrKeyWithoutQuotingIt() {
    try (DetailsReadKey key = DetailsReadKey.draw(new SecureRandom());
        DetailsReadKey other = DetailsReadKey.draw(new SecureRandom())) {
      assertRefused(() -> key.open(answer(key, "bc-2", stored()), "bc-1", WHAT), "does not open");
      assertRefused(() -> key.open(answer(other, "bc-1", stored()), "bc-1", WHAT), "does not open");
    }
  }

  @Test
  void refusesATamperedOrTruncatedAnswer() {
    try (DetailsReadKey key = DetailsReadKey.draw(new SecureRandom())) {
      byte[] sealed = Base64.getDecoder().decode(answer(key, "bc-1", stored()));
      sealed[3] ^= 1;
      assertRefused(
          () -> key.open(Base64.getEncoder().encode(sealed), "bc-1", WHAT), "does not open");
      assertRefused(
          () -> key.open(Base64.getEncoder().encode(new byte[10]), "bc-1", WHAT), "does not open");
    }
  }

  /** An old contract answering in plaintext: refused, and the plaintext is not quoted. */
  @Test
  void refusesAPlaintextAnswerWithoutQuotingIt() {
    try (DetailsReadKey key = DetailsReadKey.draw(new SecureRandom())) {
      assertRefused(() -> key.open(stored(), "bc-1", WHAT), "not base64");
      assertRefused(
          () -> key.open(SENTINEL.replace("-", "").getBytes(StandardCharsets.UTF_8), "bc-1", WHAT),
          "does not open");
    }
  }

  @Test
  void refusesSealedDataThatIsNotPrivateDetailsWithoutQuotingIt() {
    try (DetailsReadKey key = DetailsReadKey.draw(new SecureRandom())) {
      byte[] notDetails =
          ("{\"salt\":\"ab\",\"" + SENTINEL + "\":\"x\"}").getBytes(StandardCharsets.UTF_8);
      RegistryException e =
          catchThrowableOfType(
              RegistryException.class,
              () -> key.open(answer(key, "bc-1", notDetails), "bc-1", WHAT));
      assertThat(e.getMessage())
          .isEqualTo(
              "unexpected answer from records-justice ReadDetails: not a JSON PrivateDetails"
                  + " (an unknown field)");
      assertNothingQuoted(e);
    }
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String problem) {
    RegistryException e = catchThrowableOfType(RegistryException.class, call);
    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .startsWith("unexpected answer from records-justice ReadDetails: not sealed details (")
        .contains(problem);
    assertNothingQuoted(e);
  }

  private static void assertNothingQuoted(RegistryException e) {
    assertThat(e.stage()).isEqualTo(Stage.EVALUATE);
    assertThat(e.code()).isNull();
    assertThat(e.peerMessage()).isNull();
    assertThat(e.getCause()).isNull();
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(SENTINEL).doesNotContain("AnaPop");
  }
}
