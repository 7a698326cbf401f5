package org.servicerecords.registry.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeyTest {

  @Test
  void anIpv4ClientIsItsAddress() {
    assertThat(ClientKey.ofAddress("192.0.2.7")).isEqualTo("v4:192.0.2.7");
    assertThat(ClientKey.ofAddress("192.0.2.7")).isNotEqualTo(ClientKey.ofAddress("192.0.2.8"));
  }

  @Test
  void anIpv6ClientIsItsSlash64() {
    String one = ClientKey.ofAddress("2001:db8:1:2:aaaa::1");
    assertThat(one).isEqualTo("v6:20010db800010002::/64");
    assertThat(ClientKey.ofAddress("[2001:db8:1:2:ffff:ffff:ffff:ffff]")).isEqualTo(one);
    assertThat(ClientKey.ofAddress("2001:db8:1:3::1")).isNotEqualTo(one);
  }

  @Test
  void aProxysHeaderCountsTheLastHopTheProxyAppended() {
    assertThat(ClientKey.ofProxyHeader("203.0.113.9, 198.51.100.4")).isEqualTo("v4:198.51.100.4");
    assertThat(ClientKey.ofProxyHeader("  ")).isNull();
    assertThat(ClientKey.ofProxyHeader(null)).isNull();
  }

  @Test
  void aNameIsNeverLookedUpAndLongValuesAreCut() {
    assertThat(ClientKey.ofAddress("portal.example")).isEqualTo("other:portal.example");
    assertThat(ClientKey.ofAddress("x".repeat(300))).hasSize("other:".length() + 64);
  }
}
