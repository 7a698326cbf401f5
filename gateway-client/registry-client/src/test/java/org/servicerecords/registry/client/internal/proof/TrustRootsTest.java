package org.servicerecords.registry.client.internal.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.TrustRoots;
import org.servicerecords.registry.client.identity.Pem;

/** The roots folder: one {@code <MSPID>.pem} per organisation. */
class TrustRootsTest {

  @Test
  void readsOneFilePerOrganisationAndIgnoresOtherFiles(@TempDir Path dir) throws Exception {
    TestProofs proofs = new TestProofs();
    Files.writeString(dir.resolve("JusticeMSP.pem"), Pem.toPem(proofs.justice.ca().certificate()));
    Files.writeString(
        dir.resolve("AuditMSP.pem"),
        Pem.toPem(proofs.audit.ca().certificate()) + Pem.toPem(proofs.justice.ca().certificate()));
    Files.writeString(dir.resolve("README"), "roots of the example consortium");

    TrustRoots roots = TrustRoots.fromDirectory(dir);

    assertThat(roots.mspIds()).containsExactly("AuditMSP", "JusticeMSP");
    assertThat(roots.rootsOf("AuditMSP")).hasSize(2);
    assertThat(roots.rootsOf("PublicMSP")).isEmpty();
  }

  @Test
  void refusesAFolderWithoutRoots(@TempDir Path dir) {
    assertThatThrownBy(() -> TrustRoots.fromDirectory(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<MSPID>.pem");
    assertThatThrownBy(() -> TrustRoots.fromDirectory(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such roots folder");
  }

  @Test
  void refusesAFileThatHoldsNoCertificate(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("JusticeMSP.pem"), "not a certificate");

    assertThatThrownBy(() -> TrustRoots.fromDirectory(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JusticeMSP.pem");
  }

  @Test
  void refusesAFileNameThatIsNotAnMspId(@TempDir Path dir) throws Exception {
    TestProofs proofs = new TestProofs();
    Files.writeString(dir.resolve("Justice MSP.pem"), Pem.toPem(proofs.justice.ca().certificate()));

    assertThatThrownBy(() -> TrustRoots.fromDirectory(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an MSP id");
  }
}
