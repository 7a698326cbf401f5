package org.servicerecords.registry.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals before the portal connects: one line, exit 2, never a stack trace. */
class PortalMainTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream systemErr;

  @BeforeEach
  void captureErr() {
    systemErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(systemErr);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBadOptionIsAUsageError() {
    assertThat(PortalMain.run(new String[] {"--port", "not-a-port"}, Map.of()))
        .isEqualTo(PortalMain.EXIT_USAGE);
    assertThat(err()).startsWith("registry-portal: ").doesNotContain("\tat ");
  }

  @Test
  void aMissingProfileIsAUsageErrorInOneLine() {
    int exit =
        PortalMain.run(
            new String[] {"--profile", "/nonexistent/profile.json", "--identity", "verifier1"},
            Map.of());
    assertThat(exit).isEqualTo(PortalMain.EXIT_USAGE);
    assertThat(err().strip()).startsWith("registry-portal: ").doesNotContain("\n", "Exception");
  }

  @Test
  void noProfileAtAllIsAUsageError() {
    assertThat(PortalMain.run(new String[] {}, Map.of())).isEqualTo(PortalMain.EXIT_USAGE);
    assertThat(err()).contains("profile");
  }
}
