package org.servicerecords.registry.client.profile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.servicerecords.registry.client.io.FileRefusedException;
import org.servicerecords.registry.client.io.SmallFiles;
import org.servicerecords.registry.model.CanonicalJson;
import org.servicerecords.registry.model.JsonFormatException;

/** Reads the JSON profile, naming the field at fault in every error. Unknown fields are refused. */
final class ProfileParser {

  private static final Pattern ADDRESS = Pattern.compile("[^\\s:/]+:[0-9]{1,5}");

  private final Path base;
  private final String source;

  private ProfileParser(Path base, String source) {
    this.base = base;
    this.source = source;
  }

  static ConnectionProfile load(Path file) throws ProfileException {
    String text;
    try {
      text = SmallFiles.readString(file, SmallFiles.DEFAULT_LIMIT, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ProfileException("connection profile not found: " + file, e);
    } catch (FileRefusedException e) {
      throw new ProfileException("connection profile " + file + " refused: " + e.getReason(), e);
    } catch (IOException e) {
      throw new ProfileException("cannot read connection profile " + file + ": " + e, e);
    }
    Path parent = file.toAbsolutePath().getParent();
    return parse(text, parent, file.toString(), file);
  }

  static ConnectionProfile parse(String json, Path base, String source, Path file)
      throws ProfileException {
    JsonElement tree;
    try {
      tree = CanonicalJson.parseStrict(json);
    } catch (JsonFormatException e) {
      throw new ProfileException("malformed connection profile " + source + ": " + e.getMessage());
    }
    return new ProfileParser(base, source).profile(tree, file);
  }

  private ConnectionProfile profile(JsonElement tree, Path file) throws ProfileException {
    JsonObject root = object(tree, "$");
    known(
        root,
        "$",
        Set.of(
            "channel",
            "mspId",
            "chaincodes",
            "identity",
            "organizations",
            "timeouts",
            "batchConcurrency",
            "attesters"));
    String channel = optionalText(root, "channel", "$", ConnectionProfile.DEFAULT_CHANNEL);
    String mspId = text(root, "mspId", "$");
    String governance = ConnectionProfile.DEFAULT_GOVERNANCE;
    String records = null;
    if (root.has("chaincodes")) {
      JsonObject cc = object(root.get("chaincodes"), "$.chaincodes");
      known(cc, "$.chaincodes", Set.of("governance", "records"));
      governance = optionalText(cc, "governance", "$.chaincodes", governance);
      records = optionalText(cc, "records", "$.chaincodes", null);
    }
    IdentitySource identity = IdentitySource.NONE;
    if (root.has("identity")) {
      identity = identity(object(root.get("identity"), "$.identity"));
    }
    if (!root.has("organizations")) {
      throw error("$.organizations", "is missing");
    }
    JsonObject orgs = object(root.get("organizations"), "$.organizations");
    TreeMap<String, Organization> organizations = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entry : orgs.entrySet()) {
      String path = "$.organizations." + entry.getKey();
      organizations.put(entry.getKey(), organization(entry.getKey(), entry.getValue(), path));
    }
    if (!organizations.containsKey(mspId)) {
      throw error("$.organizations", "has no entry for this identity's mspId '" + mspId + "'");
    }
    Timeouts timeouts = Timeouts.DEFAULT;
    if (root.has("timeouts")) {
      timeouts = timeouts(object(root.get("timeouts"), "$.timeouts"));
    }
    int concurrency = 4;
    if (root.has("batchConcurrency")) {
      concurrency = (int) positive(root, "batchConcurrency", "$", 64);
    }
    List<String> attesters = new ArrayList<>();
    if (root.has("attesters")) {
      JsonArray array = array(root.get("attesters"), "$.attesters");
      for (int i = 0; i < array.size(); i++) {
        JsonElement e = array.get(i);
        if (!e.isJsonPrimitive()
            || !e.getAsJsonPrimitive().isString()
            || e.getAsString().isBlank()) {
          throw error("$.attesters[" + i + "]", "must be an MSP id");
        }
        attesters.add(e.getAsString());
      }
    }
    return new ConnectionProfile(
        channel,
        mspId,
        governance,
        records,
        identity,
        organizations,
        timeouts,
        concurrency,
        attesters,
        file);
  }

  private IdentitySource identity(JsonObject id) throws ProfileException {
    known(id, "$.identity", Set.of("certificate", "privateKey", "wallet", "name"));
    Path cert = optionalPath(id, "certificate", "$.identity");
    Path key = optionalPath(id, "privateKey", "$.identity");
    Path wallet = optionalPath(id, "wallet", "$.identity");
    String name = optionalText(id, "name", "$.identity", null);
    if ((cert == null) != (key == null)) {
      throw error("$.identity", "needs both certificate and privateKey");
    }
    if (cert == null && (wallet == null) != (name == null)) {
      throw error("$.identity", "needs both wallet and name");
    }
    return new IdentitySource(cert, key, wallet, name);
  }

  private Organization organization(String msp, JsonElement element, String path)
      throws ProfileException {
    JsonObject org = object(element, path);
    known(org, path, Set.of("peers", "certificateAuthorities"));
    List<PeerEndpoint> peers = new ArrayList<>();
    if (org.has("peers")) {
      JsonArray array = array(org.get("peers"), path + ".peers");
      for (int i = 0; i < array.size(); i++) {
        peers.add(peer(array.get(i), path + ".peers[" + i + "]"));
      }
    }
    List<CaEndpoint> cas = new ArrayList<>();
    if (org.has("certificateAuthorities")) {
      JsonArray array = array(org.get("certificateAuthorities"), path + ".certificateAuthorities");
      for (int i = 0; i < array.size(); i++) {
        cas.add(ca(array.get(i), path + ".certificateAuthorities[" + i + "]"));
      }
    }
    return new Organization(msp, peers, cas);
  }

  private PeerEndpoint peer(JsonElement element, String path) throws ProfileException {
    JsonObject peer = object(element, path);
    known(peer, path, Set.of("address", "tlsRootCertificate", "serverNameOverride"));
    String address = text(peer, "address", path);
    if (!ADDRESS.matcher(address).matches()) {
      throw error(path + ".address", "must be host:port, found '" + address + "'");
    }
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    if (port < 1 || port > 65535) {
      throw error(path + ".address", "has port out of range: " + port);
    }
    Path tls = optionalPath(peer, "tlsRootCertificate", path);
    if (tls == null) {
      throw error(path + ".tlsRootCertificate", "is missing (TLS is required to reach peers)");
    }
    return new PeerEndpoint(address, tls, optionalText(peer, "serverNameOverride", path, null));
  }

  private CaEndpoint ca(JsonElement element, String path) throws ProfileException {
    JsonObject ca = object(element, path);
    known(ca, path, Set.of("url", "caName", "tlsCertificate"));
    String url = text(ca, "url", path);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw error(path + ".url", "is not a URL: " + url);
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      // Enrollment secrets and registrar tokens must never travel in clear: no plain http.
      throw error(path + ".url", "must be https://host:port, found '" + url + "'");
    }
    Path tls = optionalPath(ca, "tlsCertificate", path);
    if (tls == null) {
      throw error(path + ".tlsCertificate", "is missing for an https CA");
    }
    return new CaEndpoint(uri, optionalText(ca, "caName", path, ""), tls);
  }

  private Timeouts timeouts(JsonObject t) throws ProfileException {
    String path = "$.timeouts";
    known(
        t,
        path,
        Set.of(
            "evaluateMillis",
            "endorseMillis",
            "submitMillis",
            "commitStatusMillis",
            "ledgerWaitMillis"));
    Timeouts d = Timeouts.DEFAULT;
    return new Timeouts(
        millis(t, "evaluateMillis", path, d.evaluate()),
        millis(t, "endorseMillis", path, d.endorse()),
        millis(t, "submitMillis", path, d.submit()),
        millis(t, "commitStatusMillis", path, d.commitStatus()),
        millis(t, "ledgerWaitMillis", path, d.ledgerWait()));
  }

  private Duration millis(JsonObject o, String name, String path, Duration fallback)
      throws ProfileException {
    if (!o.has(name)) {
      return fallback;
    }
    return Duration.ofMillis(positive(o, name, path, 3_600_000L));
  }

  private long positive(JsonObject o, String name, String path, long max) throws ProfileException {
    JsonElement e = o.get(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw error(path + "." + name, "must be a number");
    }
    long value = e.getAsLong();
    if (value < 1 || value > max) {
      throw error(path + "." + name, "must be between 1 and " + max + ", found " + value);
    }
    return value;
  }

  private JsonObject object(JsonElement e, String path) throws ProfileException {
    if (e == null || !e.isJsonObject()) {
      throw error(path, "must be a JSON object");
    }
    return e.getAsJsonObject();
  }

  private JsonArray array(JsonElement e, String path) throws ProfileException {
    if (e == null || !e.isJsonArray()) {
      throw error(path, "must be a JSON array");
    }
    return e.getAsJsonArray();
  }

  private String text(JsonObject o, String name, String path) throws ProfileException {
    String value = optionalText(o, name, path, null);
    if (value == null) {
      throw error(path + "." + name, "is missing");
    }
    return value;
  }

  private String optionalText(JsonObject o, String name, String path, String fallback)
      throws ProfileException {
    if (!o.has(name) || o.get(name).isJsonNull()) {
      return fallback;
    }
    JsonElement e = o.get(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw error(path + "." + name, "must be a string");
    }
    String value = e.getAsString();
    if (value.isBlank() && !"caName".equals(name)) {
      throw error(path + "." + name, "is empty");
    }
    return value;
  }

  private Path optionalPath(JsonObject o, String name, String path) throws ProfileException {
    String value = optionalText(o, name, path, null);
    return value == null ? null : base.resolve(value).normalize();
  }

  private void known(JsonObject o, String path, Set<String> names) throws ProfileException {
    for (String name : o.keySet()) {
      if (!names.contains(name)) {
        throw error(
            path + "." + name,
            "is not a known field (expected one of " + new java.util.TreeSet<>(names) + ")");
      }
    }
  }

  private ProfileException error(String path, String problem) {
    return new ProfileException("connection profile " + source + ": " + path + " " + problem);
  }
}
