package org.servicerecords.registry.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.servicerecords.registry.chaincode.Operations.Tx;
import org.servicerecords.registry.testing.Network;

/**
 * Endorsing peers run in different JVMs, so the contract's output must not depend on the JVM's
 * default locale, charset or time zone, nor on identity hash codes (which order {@code HashMap}s of
 * enums and other objects without their own {@code hashCode}). {@link DeterminismPropertyTest} runs
 * both networks in one JVM and cannot see any of that; this test runs {@value #SEQUENCES} of its
 * generated sequences (drawn from fixed seeds 1 to {@value #SEQUENCES}) here and in a child JVM
 * started with a Turkish locale (dotless i), ISO-8859-1 as the default charset, a +12:45 time zone
 * and every identity hash code equal to 1, and requires the two transcripts (every response, write
 * set and event, then every ledger) to be identical. The child runs each co-endorsed records write
 * as its other endorser would ({@link Tx#onTheOtherEndorser()}: another organisation's peer, its
 * clock on the other side of the asserted time) and receives transient entries in reverse order, as
 * another peer may.
 *
 * <p>The child is started by the test itself (same JDK, same test class path), so the comparison
 * always runs against this build's classes, also under {@code -Dtest=...}. It registers the
 * contracts without the shim's class-path scan (seconds of the child's life; the test checks that
 * it routes to the same contracts as the scanning router here) and writes its transcript to {@code
 * target/cross-jvm-determinism/forked.txt}; this JVM's transcript is written next to it when the
 * two differ, and the failure names the first differing line and its seed.
 */
class CrossJvmDeterminismTest {

  static final int SEQUENCES = 40;

  /** The child's JVM options: what a differently configured peer JVM could have. */
  static final List<String> CHILD_OPTIONS =
      List.of(
          "-Duser.language=tr",
          "-Duser.country=TR",
          "-Dfile.encoding=ISO-8859-1",
          "-Duser.timezone=Pacific/Chatham",
          "-XX:+UnlockExperimentalVMOptions",
          "-XX:hashCode=2",
          "-XX:TieredStopAtLevel=1",
          "-Xmx256m");

  /** The generated sequences of {@link DeterminismPropertyTest}, drawn here from fixed seeds. */
  private static final Arbitrary<List<Tx>> SEQUENCE =
      Operations.sequence(Operations.transaction(), 1, 25);

  private static final int GENERATION_SIZE = 1000;

  private static final String ENVIRONMENT = "# environment ";
  private static final String CONTRACTS = "# contracts ";

  @Test
  void aJvmWithAnotherLocaleCharsetTimeZoneAndHashCodesProducesTheSameTranscript()
      throws IOException, InterruptedException {
    Path directory = Path.of(System.getProperty("basedir", "."), "target", "cross-jvm-determinism");
    Files.createDirectories(directory);
    Path forked = directory.resolve("forked.txt");
    Path log = directory.resolve("forked.log");
    Path own = directory.resolve("this.txt");
    Files.deleteIfExists(forked);
    Files.deleteIfExists(own);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(CHILD_OPTIONS);
    command.add("-cp");
    command.add(childClassPath());
    command.add(CrossJvmDeterminismTest.class.getName());
    command.add(forked.toString());
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    List<String> here = transcript(false);

    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("the child JVM did not finish within 120 s; see " + log);
    }
    assertThat(child.exitValue()).as("child JVM exit status; its output is in " + log).isZero();
    List<String> there = new ArrayList<>(Files.readAllLines(forked, StandardCharsets.UTF_8));

    String environment = there.remove(0);
    assertThat(environment)
        .as("the child really ran with other defaults")
        .isEqualTo(ENVIRONMENT + "tr_TR ISO-8859-1 Pacific/Chatham identityHash=1");
    assertThat(environment).isNotEqualTo(ENVIRONMENT + environment());
    assertThat(there.remove(0))
        .as("the child's directly registered contracts are those the shim's scan finds here")
        .isEqualTo(CONTRACTS + Fixtures.network().routedContracts());

    if (!there.equals(here)) {
      Files.write(own, here, StandardCharsets.UTF_8);
      throw new AssertionError(firstDifference(here, there, own, forked));
    }
    assertThat(digest(there)).isEqualTo(digest(here));
  }

  /**
   * The test class path without the test-only tools the child never loads (it keeps jqwik, which
   * generates its sequences, and the JUnit Platform jqwik runs on): the shim scans every jar of the
   * class path for serializers when its router starts, which takes seconds here.
   */
  private static String childClassPath() {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kept = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      String name = entry.replace(File.separatorChar, '/');
      if (TEST_ONLY_JARS.stream().noneMatch(name::contains)) {
        kept.add(entry);
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  private static final List<String> TEST_ONLY_JARS =
      List.of(
          "/com/code-intelligence/",
          "/com/tngtech/archunit/",
          "/org/assertj/",
          "/net/bytebuddy/",
          "/org/junit/jupiter/");

  /** The child JVM: writes its environment and transcript to the file named by the argument. */
  public static void main(String[] args) throws IOException {
    List<String> lines = new ArrayList<>();
    Fixtures.routeWithoutScanning();
    lines.add(ENVIRONMENT + environment());
    lines.add(CONTRACTS + Fixtures.network().routedContracts());
    lines.addAll(transcript(true));
    Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
  }

  /**
   * The transactions, their outcomes and the final ledgers of {@value #SEQUENCES} generated
   * sequences of {@link DeterminismPropertyTest}, each in a fresh network.
   */
  static List<String> transcript(boolean otherEndorser) {
    List<List<Tx>> sequences = new ArrayList<>();
    // Generating outside a property needs a jqwik session.
    JqwikSession.start();
    try {
      for (long seed = 1; seed <= SEQUENCES; seed++) {
        sequences.add(SEQUENCE.generator(GENERATION_SIZE).next(new Random(seed)).value());
      }
    } finally {
      JqwikSession.finish();
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < SEQUENCES; i++) {
      long seed = i + 1;
      List<Tx> sequence = sequences.get(i);
      Network network = Fixtures.consortium();
      lines.add("# seed " + seed);
      for (Tx tx : sequence) {
        lines.add("> " + tx);
        Tx sent = otherEndorser ? tx.onTheOtherEndorser() : tx;
        lines.addAll(Transcript.of(sent.run(network, otherEndorser)));
      }
      for (Map.Entry<String, String> entry : Transcript.ledgers(network).entrySet()) {
        lines.add("= " + entry.getKey() + " " + entry.getValue());
      }
    }
    return lines;
  }

  private static String environment() {
    return Locale.getDefault()
        + " "
        + Charset.defaultCharset().name()
        + " "
        + TimeZone.getDefault().getID()
        + " identityHash="
        + (new Object().hashCode() == 1 && new Object().hashCode() == 1 ? "1" : "varied");
  }

  private static String digest(List<String> lines) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha256.update(line.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstDifference(
      List<String> here, List<String> there, Path ownFile, Path forkedFile) {
    int i = 0;
    while (i < here.size() && i < there.size() && here.get(i).equals(there.get(i))) {
      i++;
    }
    String seed = "";
    for (int j = Math.min(i, here.size() - 1); j >= 0; j--) {
      if (here.get(j).startsWith("# seed ")) {
        seed = here.get(j).substring(2);
        break;
      }
    }
    return String.format(
        "the child JVM's transcript differs from this one at line %d (%s):%n"
            + "  here:   %s%n  forked: %s%n(whole transcripts: %s and %s)",
        i + 1,
        seed,
        i < here.size() ? here.get(i) : "<end>",
        i < there.size() ? there.get(i) : "<end>",
        ownFile,
        forkedFile);
  }
}
