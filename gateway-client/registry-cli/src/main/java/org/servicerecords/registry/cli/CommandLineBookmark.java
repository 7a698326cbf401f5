package org.servicerecords.registry.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A listing's bookmark as a command-line token. Fabric's bookmarks are the next start key, a
 * composite key that holds U+0000 ({@code "\u0000rec~type\u0000BIRTH_CERTIFICATE\u0000id\u0000"}),
 * and no command line can carry that character: printed as it is, a bookmark cannot be passed back
 * to {@code --bookmark}. So {@code list} prints the bookmark as base64url of its UTF-8 bytes,
 * without padding (letters, digits, {@code -} and {@code _} only), in its human and its JSON output
 * alike, and {@code --bookmark} takes that token back.
 */
final class CommandLineBookmark {

  private CommandLineBookmark() {}

  /**
   * Encodes a bookmark for the command line.
   *
   * @param bookmark the bookmark as the contract answered it, or {@code null}
   * @return the token; empty for an empty or absent bookmark (no next page)
   */
  static String encode(String bookmark) {
    if (bookmark == null || bookmark.isEmpty()) {
      return "";
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(bookmark.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a token printed by {@link #encode}.
   *
   * @param token the token, or {@code null}
   * @return the bookmark; empty for an empty or absent token (the first page)
   * @throws IllegalArgumentException if the token is not one {@code list} printed
   */
  static String decode(String token) {
    if (token == null || token.isEmpty()) {
      return "";
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw new IllegalArgumentException(
          "--bookmark must be the token printed after 'next page:' by the previous list");
    }
  }
}
