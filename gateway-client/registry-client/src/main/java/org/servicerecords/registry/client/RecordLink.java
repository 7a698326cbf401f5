package org.servicerecords.registry.client;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicerecords.registry.model.InputRules;

/**
 * The address of one record's verdict page on a verification portal, as printed in a document's QR
 * code: {@code <portal>/r/<namespace>/<id>#sha256=<hash>}. The document's hash rides in the
 * fragment, which a browser never sends to the portal: the page compares it with the hash the
 * ledger holds for the record, so a code made for another document is noticed. Immutable.
 *
 * <pre>{@code
 * URI page = RecordLink.of(URI.create("https://verify.example.uz"), "records-justice", "bc-1", hash)
 *     .toUri();
 * }</pre>
 *
 * @param portal the portal's address (http or https, no path, query or fragment: the portal serves
 *     from the root of its host)
 * @param namespace the record's namespace
 * @param id the record id
 * @param documentHash the document's SHA-256 (64 lower-case hex digits), or {@code null} for none
 */
public record RecordLink(URI portal, String namespace, String id, String documentHash) {

  private static final Pattern PAGE = Pattern.compile("/r/([^/?#]+)/([^/?#]+)");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if a part breaks the registry's rules
   */
  public RecordLink {
    Objects.requireNonNull(portal, "portal");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(id, "id");
    String scheme = portal.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)
        || portal.getHost() == null
        || !(portal.getRawPath() == null
            || portal.getRawPath().isEmpty()
            || portal.getRawPath().equals("/"))
        || portal.getRawQuery() != null
        || portal.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the portal address must be an http(s) address with no path, query or fragment"
              + " (the portal serves its pages from the root): "
              + portal);
    }
    if (!InputRules.NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("not a records namespace: " + namespace);
    }
    if (!InputRules.ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a record id: " + id);
    }
    if (documentHash != null && !InputRules.HASH.matcher(documentHash).matches()) {
      throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + documentHash);
    }
  }

  /**
   * A record's link.
   *
   * @param portal the portal's base address
   * @param namespace the record's namespace
   * @param id the record id
   * @param documentHash the document's SHA-256, or {@code null}
   * @return the link
   */
  public static RecordLink of(URI portal, String namespace, String id, String documentHash) {
    return new RecordLink(portal, namespace, id, documentHash);
  }

  /**
   * Reads a link back from a verdict page's address (as decoded from a QR code).
   *
   * @param page the page's address
   * @return the link
   * @throws IllegalArgumentException if the address is not a record's verdict page
   */
  public static RecordLink parse(URI page) {
    Objects.requireNonNull(page, "page");
    String path = page.getRawPath() == null ? "" : page.getRawPath();
    int at = path.lastIndexOf("/r/");
    Matcher matcher = at < 0 ? null : PAGE.matcher(path.substring(at));
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException("not a record's verdict page: " + page);
    }
    URI portal =
        URI.create(page.getScheme() + "://" + page.getRawAuthority() + path.substring(0, at));
    String fragment = page.getRawFragment();
    String hash =
        fragment != null && fragment.startsWith("sha256=")
            ? fragment.substring("sha256=".length())
            : null;
    return new RecordLink(portal, decode(matcher.group(1)), decode(matcher.group(2)), hash);
  }

  /**
   * The verdict page's address.
   *
   * @return the address
   */
  public URI toUri() {
    String base = portal.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String page = base + "/r/" + encode(namespace) + "/" + encode(id);
    return URI.create(documentHash == null ? page : page + "#sha256=" + documentHash);
  }

  /**
   * Returns the document's hash the link carries.
   *
   * @return the hash, or empty
   */
  public Optional<String> hash() {
    return Optional.ofNullable(documentHash);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
