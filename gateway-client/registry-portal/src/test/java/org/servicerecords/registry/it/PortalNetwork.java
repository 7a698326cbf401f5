package org.servicerecords.registry.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.profile.ConnectionProfile;
import org.servicerecords.registry.client.profile.IdentitySource;

/**
 * The portal's identity on the test network: {@code verifier1} of the read-only {@code public}
 * organisation (outsiders' verifiers), whose profile lists the agencies' peers, as {@code
 * scripts/portal.sh} runs it.
 */
final class PortalNetwork {

  static final String PUBLIC = "public";

  private PortalNetwork() {}

  /** The portal's connection, as scripts/portal.sh opens it. */
  static RegistryConnection publicVerifier() throws Exception {
    return ItNetwork.connect(PUBLIC, "verifier1");
  }

  /**
   * The same identity with every peer address moved to a port nothing listens on: a portal whose
   * peers are all down.
   */
  static RegistryConnection publicVerifierWithPeersAt(int closedPort) throws Exception {
    Path dir = ItNetwork.stateDir().resolve("orgs").resolve(PUBLIC);
    JsonObject profile =
        JsonParser.parseString(
                Files.readString(dir.resolve("profile.json"), StandardCharsets.UTF_8))
            .getAsJsonObject();
    for (var organization : profile.getAsJsonObject("organizations").entrySet()) {
      JsonArray peers = organization.getValue().getAsJsonObject().getAsJsonArray("peers");
      for (JsonElement peer : peers) {
        peer.getAsJsonObject().addProperty("address", "127.0.0.1:" + closedPort);
      }
    }
    ConnectionProfile cut =
        ConnectionProfile.parse(profile.toString(), dir, "profile with its peers down")
            .withIdentity(new IdentitySource(null, null, dir.resolve("wallet"), "verifier1"));
    return RegistryConnection.open(cut);
  }
}
