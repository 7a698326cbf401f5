package org.servicerecords.registry.portal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which client a request counts against: its IPv4 address, or the /64 network of its IPv6 address
 * (a single host is usually given a whole /64, and could otherwise take a new address per request).
 * Behind a trusted proxy the address is the last entry of the proxy's header, the one the proxy
 * itself appended; earlier entries are the client's own claims.
 */
final class ClientKey {

  /** An IP literal: digits, hex, dots and colons only, so parsing it never asks DNS. */
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

  private ClientKey() {}

  /**
   * The key of a connection's remote address.
   *
   * @param address the address as the server reports it
   * @return the key
   */
  static String ofAddress(String address) {
    String literal = address.startsWith("[") ? address.substring(1, address.indexOf(']')) : address;
    if (!IP_LITERAL.matcher(literal).matches()) {
      return "other:" + truncated(literal);
    }
    try {
      byte[] bytes = InetAddress.getByName(literal).getAddress();
      if (bytes.length == 16) {
        StringBuilder network = new StringBuilder("v6:");
        for (int i = 0; i < 8; i++) {
          network.append(String.format(Locale.ROOT, "%02x", bytes[i]));
        }
        return network.append("::/64").toString();
      }
      return "v4:" + InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return "other:" + truncated(literal);
    }
  }

  /**
   * The key of the address a trusted proxy named in its header: the last comma-separated entry.
   *
   * @param header the header's value
   * @return the key, or {@code null} when the header names none
   */
  static String ofProxyHeader(String header) {
    if (header == null) {
      return null;
    }
    String[] hops = header.split(",");
    String last = hops[hops.length - 1].trim();
    return last.isEmpty() ? null : ofAddress(last);
  }

  private static String truncated(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64);
  }
}
