package org.servicerecords.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.io.FileRefusedException;
import org.servicerecords.registry.client.io.SmallFilesFixtures;

/**
 * {@link FileCheckpoint} and {@link Checkpoint#inMemory()}: resuming neither misses nor repeats.
 */
class FileCheckpointTest {

  /** An event stream as a peer delivers it: (block, tx) in ledger order, several per block. */
  private static final List<long[]> STREAM = new ArrayList<>();

  static {
    int tx = 0;
    for (long block = 3; block <= 12; block++) {
      for (int i = 0; i < (block % 3) + 1; i++) {
        STREAM.add(new long[] {block, tx++});
      }
    }
  }

  /** Delivers the stream from a start block, as a peer asked with startBlock would. */
  private static List<long[]> from(long startBlock) {
    return STREAM.stream().filter(e -> e[0] >= startBlock).toList();
  }

  @Test
  void listenerRestartedAfterEveryPossibleEventNeitherMissesNorRepeats(@TempDir Path dir)
      throws IOException {
    for (int stopAfter = 0; stopAfter <= STREAM.size(); stopAfter++) {
      Path file = dir.resolve("cp-" + stopAfter + ".json");
      List<String> handled = new ArrayList<>();
      run(file, stopAfter, handled);
      run(file, Integer.MAX_VALUE, handled);
      List<String> expected = STREAM.stream().map(e -> "tx" + e[1]).toList();
      assertThat(handled).as("stopped after %d", stopAfter).isEqualTo(expected);
    }
  }

  @Test
  void restartedTwiceInTheSameBlockStillResumesAfterTheLastHandledEvent(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("cp.json");
    List<String> handled = new ArrayList<>();
    run(file, 4, handled);
    run(file, 1, handled);
    run(file, 1, handled);
    run(file, Integer.MAX_VALUE, handled);
    assertThat(handled).isEqualTo(STREAM.stream().map(e -> "tx" + e[1]).toList());
  }

  @Test
  void reconnectingWithTheSameCheckpointAfterEveryPossibleEventNeitherMissesNorRepeats(
      @TempDir Path dir) throws IOException {
    List<String> expected = STREAM.stream().map(e -> "tx" + e[1]).toList();
    for (int cutAfter = 0; cutAfter <= STREAM.size(); cutAfter++) {
      FileCheckpoint checkpoint = FileCheckpoint.open(dir.resolve("cp-" + cutAfter + ".json"));
      List<String> handled = new ArrayList<>();
      // One watcher: its stream is cut after some events and it resubscribes, as
      // AuditorImpl.watch does, with the same FileCheckpoint instance.
      stream(checkpoint, cutAfter, handled);
      stream(checkpoint, 1, handled);
      stream(checkpoint, Integer.MAX_VALUE, handled);
      assertThat(handled).as("cut after %d", cutAfter).isEqualTo(expected);
    }
  }

  @Test
  void reconnectingWithTheSameInMemoryCheckpointNeitherMissesNorRepeats() throws IOException {
    List<String> expected = STREAM.stream().map(e -> "tx" + e[1]).toList();
    for (int cutAfter = 0; cutAfter <= STREAM.size(); cutAfter++) {
      Checkpoint checkpoint = Checkpoint.inMemory();
      List<String> handled = new ArrayList<>();
      stream(checkpoint, cutAfter, handled);
      stream(checkpoint, 1, handled);
      stream(checkpoint, Integer.MAX_VALUE, handled);
      assertThat(handled).as("cut after %d", cutAfter).isEqualTo(expected);
    }
  }

  @Test
  void anInMemoryCheckpointStartsWithoutAPosition() {
    Checkpoint checkpoint = Checkpoint.inMemory();
    assertThat(checkpoint.blockNumber()).isEmpty();
    assertThat(checkpoint.transactionId()).isEmpty();
    assertThat(checkpoint.startBlock(7)).isEqualTo(7);
  }

  @Test
  void crashBetweenHandlerAndCheckpointWriteDeliversThatOneEventAgain(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("cp.json");
    List<String> handled = new ArrayList<>();
    run(file, 3, handled);
    // The handler of the 4th event finishes, then the process dies before the checkpoint write.
    FileCheckpoint beforeCrash = FileCheckpoint.open(file);
    long[] fourth =
        from(beforeCrash.startBlock(0)).stream()
            .filter(e -> beforeCrash.isNew(e[0], "tx" + e[1]))
            .findFirst()
            .orElseThrow();
    handled.add("tx" + fourth[1]);
    run(file, Integer.MAX_VALUE, handled);
    List<String> expected = new ArrayList<>(STREAM.stream().map(e -> "tx" + e[1]).toList());
    expected.add(4, "tx" + fourth[1]);
    assertThat(handled).isEqualTo(expected);
  }

  private static void run(Path file, int maxEvents, List<String> handled) throws IOException {
    stream(FileCheckpoint.open(file), maxEvents, handled);
  }

  /** One subscription: from the checkpoint's start block, until {@code maxEvents} are handled. */
  private static void stream(Checkpoint checkpoint, int maxEvents, List<String> handled)
      throws IOException {
    int count = 0;
    for (long[] event : from(checkpoint.startBlock(0))) {
      if (count == maxEvents) {
        return;
      }
      if (!checkpoint.isNew(event[0], "tx" + event[1])) {
        continue;
      }
      handled.add("tx" + event[1]);
      checkpoint.checkpoint(event[0], "tx" + event[1]);
      count++;
    }
  }

  @Test
  void positionSurvivesReopening(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cp.json");
    FileCheckpoint.open(file).checkpoint(41, "abc");
    Checkpoint reopened = Checkpoint.file(file);
    assertThat(reopened.blockNumber()).hasValue(41);
    assertThat(reopened.transactionId()).hasValue("abc");
    assertThat(reopened.startBlock(0)).isEqualTo(41);
    assertThat(FileCheckpoint.open(dir.resolve("none.json")).startBlock(7)).isEqualTo(7);
  }

  @Test
  void malformedCheckpointFileIsAClearError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cp.json");
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> FileCheckpoint.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("malformed checkpoint file");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aCheckpointThatIsADeviceIsRefusedUnread() {
    assertThatThrownBy(() -> FileCheckpoint.open(Path.of("/dev/zero")))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void anOversizedCheckpointIsRefused(@TempDir Path dir) throws IOException {
    Path big = SmallFilesFixtures.oversized(dir.resolve("cp.json"));
    assertThatThrownBy(() -> FileCheckpoint.open(big))
        .isExactlyInstanceOf(FileRefusedException.class)
        .hasMessage(big + ": larger than 1048576 bytes");
  }
}
