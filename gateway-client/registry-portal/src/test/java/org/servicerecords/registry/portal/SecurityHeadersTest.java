package org.servicerecords.registry.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void allowsOnlyThePortalsOwnScriptsAndNoInlineCode() {
    String policy = SecurityHeaders.CONTENT_SECURITY_POLICY;
    assertThat(policy)
        .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
    assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:");
  }

  @Test
  void sendsNoReferrerAndHstsOnlyOverHttps() {
    assertThat(new SecurityHeaders(false).headers())
        .containsEntry("Referrer-Policy", "no-referrer")
        .doesNotContainKey("Strict-Transport-Security");
    assertThat(new SecurityHeaders(true).headers()).containsKey("Strict-Transport-Security");
  }
}
