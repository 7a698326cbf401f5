package org.servicerecords.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DetailsCipherTest {

  private static final String DETAILS =
      "{\"details\":{\"name\":\"Ana Pop\"},\"salt\":\"0123456789abcdef0123456789abcdef\"}";
  private static final byte[] PLAINTEXT = DETAILS.getBytes(StandardCharsets.UTF_8);
  private static final String ID = "bc-2026-0001";

  private static byte[] key() {
    byte[] key = new byte[DetailsCipher.KEY_BYTES];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    return key;
  }

  private static byte[] nonce() {
    byte[] nonce = new byte[DetailsCipher.NONCE_BYTES];
    for (int i = 0; i < nonce.length; i++) {
      nonce[i] = (byte) (0xa0 + i);
    }
    return nonce;
  }

  @Test
  void opensToExactlyWhatWasSealed() {
    byte[] sealed = DetailsCipher.seal(key(), nonce(), ID, PLAINTEXT);
    assertThat(sealed).hasSize(PLAINTEXT.length + DetailsCipher.OVERHEAD_BYTES);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Ana Pop");
    assertThat(DetailsCipher.open(key(), nonce(), ID, sealed)).isEqualTo(PLAINTEXT);
  }

  /**
   * The wire format, pinned by a value computed with another implementation (Python's cryptography,
   * AESGCM(key).encrypt(nonce, plaintext, b"records:ReadDetails:bc-2026-0001")).
   */
  @Test
  void isStandardAes256GcmWithTheRecordBoundAsAuthenticatedData() {
    String expected =
        "nToYSDGqa9MRR72oJRShsxWOYzLT2SNMzGFWpAKHV3KzGjPdlQBjDG2vMP0/TbvAJnklLAe2Kk9zbT9rkke9"
            + "idXe5gtVw8adBEhxCtqnq5Kr5SB3qU4PCA==";
    assertThat(
            Base64.getEncoder().encodeToString(DetailsCipher.seal(key(), nonce(), ID, PLAINTEXT)))
        .isEqualTo(expected);
    assertThat(DetailsCipher.associatedData(ID))
        .isEqualTo("records:ReadDetails:bc-2026-0001".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void isDeterministicAndDependsOnKeyAndNonce() {
    byte[] sealed = DetailsCipher.seal(key(), nonce(), ID, PLAINTEXT);
    assertThat(DetailsCipher.seal(key(), nonce(), ID, PLAINTEXT)).isEqualTo(sealed);
    byte[] otherNonce = nonce();
    otherNonce[0] ^= 1;
    assertThat(DetailsCipher.seal(key(), otherNonce, ID, PLAINTEXT)).isNotEqualTo(sealed);
    byte[] otherKey = key();
    otherKey[31] ^= 1;
    assertThat(DetailsCipher.seal(otherKey, nonce(), ID, PLAINTEXT)).isNotEqualTo(sealed);
  }

  @Test
  void refusesToOpenWithAnotherKeyOrNonce() {
    byte[] sealed = DetailsCipher.seal(key(), nonce(), ID, PLAINTEXT);
    byte[] otherKey = key();
    otherKey[0] ^= (byte) 0x80;
    byte[] otherNonce = nonce();
    otherNonce[11] ^= 1;
    assertThatThrownBy(() -> DetailsCipher.open(otherKey, nonce(), ID, sealed))
        .isInstanceOf(DetailsCipherException.class)
        .hasMessageContaining("do not open")
        .hasNoCause();
    assertThatThrownBy(() -> DetailsCipher.open(key(), otherNonce, ID, sealed))
        .isInstanceOf(DetailsCipherException.class);
  }

  @Test
  void bindsTheAnswerToItsRecordId() {
    byte[] sealed = DetailsCipher.seal(key(), nonce(), ID, PLAINTEXT);
    assertThatThrownBy(() -> DetailsCipher.open(key(), nonce(), "bc-2026-0002", sealed))
        .isInstanceOf(DetailsCipherException.class);
    assertThatThrownBy(() -> DetailsCipher.open(key(), nonce(), "", sealed))
        .isInstanceOf(DetailsCipherException.class);
  }

  @Test
  void detectsEveryChangedByteAndTruncation() {
    byte[] sealed = DetailsCipher.seal(key(), nonce(), ID, PLAINTEXT);
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 1;
      assertThatThrownBy(() -> DetailsCipher.open(key(), nonce(), ID, tampered))
          .as("byte %d changed", i)
          .isInstanceOf(DetailsCipherException.class);
    }
    byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
    assertThatThrownBy(() -> DetailsCipher.open(key(), nonce(), ID, truncated))
        .isInstanceOf(DetailsCipherException.class);
    assertThatThrownBy(() -> DetailsCipher.open(key(), nonce(), ID, new byte[15]))
        .isInstanceOf(DetailsCipherException.class)
        .hasMessageContaining("tag");
    byte[] extended = java.util.Arrays.copyOf(sealed, sealed.length + 1);
    assertThatThrownBy(() -> DetailsCipher.open(key(), nonce(), ID, extended))
        .isInstanceOf(DetailsCipherException.class);
  }

  @Test
  void sealsAndOpensEmptyDetails() {
    byte[] sealed = DetailsCipher.seal(key(), nonce(), ID, new byte[0]);
    assertThat(sealed).hasSize(DetailsCipher.OVERHEAD_BYTES);
    assertThat(DetailsCipher.open(key(), nonce(), ID, sealed)).isEmpty();
  }

  @Test
  void refusesKeysAndNoncesOfTheWrongSize() {
    for (int size : new int[] {0, 16, 24, 31, 33}) {
      assertThatThrownBy(() -> DetailsCipher.seal(new byte[size], nonce(), ID, PLAINTEXT))
          .as("key of %d bytes", size)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("key must be exactly 32 bytes");
    }
    for (int size : new int[] {0, 8, 11, 13, 16}) {
      assertThatThrownBy(() -> DetailsCipher.seal(key(), new byte[size], ID, PLAINTEXT))
          .as("nonce of %d bytes", size)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("nonce must be exactly 12 bytes");
    }
    byte[] sealed = DetailsCipher.seal(key(), nonce(), ID, PLAINTEXT);
    assertThatThrownBy(() -> DetailsCipher.open(new byte[16], nonce(), ID, sealed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DetailsCipher.seal(null, nonce(), ID, PLAINTEXT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> DetailsCipher.seal(key(), nonce(), null, PLAINTEXT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("recordId");
  }

  @Test
  void leavesTheCallersArraysAsTheyWere() {
    byte[] key = key();
    byte[] nonce = nonce();
    byte[] plaintext = PLAINTEXT.clone();
    byte[] sealed = DetailsCipher.seal(key, nonce, ID, plaintext);
    byte[] sealedCopy = sealed.clone();
    DetailsCipher.open(key, nonce, ID, sealed);
    assertThat(key).isEqualTo(key());
    assertThat(nonce).isEqualTo(nonce());
    assertThat(plaintext).isEqualTo(PLAINTEXT);
    assertThat(sealed).isEqualTo(sealedCopy);
  }

  @Test
  void namesTheTransientKeysOfTheOneTimeKeyAndNonce() {
    assertThat(TransientKeys.RESPONSE_KEY).isEqualTo("responseKey");
    assertThat(TransientKeys.RESPONSE_NONCE).isEqualTo("responseNonce");
  }
}
