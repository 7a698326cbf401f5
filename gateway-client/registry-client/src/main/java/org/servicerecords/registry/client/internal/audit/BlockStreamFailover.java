package org.servicerecords.registry.client.internal.audit;

import java.io.IOException;
import java.util.Iterator;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.protos.common.Block;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.RegistryException.Stage;
import org.servicerecords.registry.client.internal.submit.ErrorMapper;

/**
 * Reads a stream of blocks through an organisation's endpoints, and opens it again on the next
 * endpoint, from where the reader has got to, when an endpoint gives no answer: its connection
 * cannot be set up, or its stream fails with a network error. It gives up after one failure per
 * endpoint in a row without a block. {@link ChainWalk} and {@link EventWatcher} read blocks this
 * way.
 */
final class BlockStreamFailover {

  /** What reads the blocks. */
  interface Reader {
    /**
     * Where the next subscription starts.
     *
     * @return the first block to ask for
     */
    long next();

    /**
     * Reads one subscription's blocks. Returning ends the stream for good; a {@link
     * NetworkException} (or a Gateway network failure from the iterator) moves to the next
     * endpoint.
     *
     * @param endpoint the index of the endpoint serving the blocks
     * @param blocks the blocks
     * @throws RegistryException to stop, or to fail over when a {@link NetworkException}
     * @throws IOException to stop
     */
    void read(int endpoint, Iterator<Block> blocks) throws RegistryException, IOException;
  }

  private BlockStreamFailover() {}

  /**
   * Reads until the reader returns.
   *
   * @param endpoints the endpoints
   * @param reader the reader
   * @throws RegistryException when every endpoint failed in a row, or the reader's own failure
   * @throws IOException the reader's
   */
  static void read(EventWatcher.Endpoints endpoints, Reader reader)
      throws RegistryException, IOException {
    int[] failures = {0};
    while (true) {
      int index = endpoints.preferred();
      try (CloseableIterator<Block> stream = endpoints.blocks(index, reader.next())) {
        reader.read(
            index,
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return stream.hasNext();
              }

              @Override
              public Block next() {
                Block block = stream.next();
                failures[0] = 0;
                return block;
              }
            });
        return;
      } catch (GatewayRuntimeException e) {
        RegistryException mapped = ErrorMapper.fromGateway(e, Stage.EVENTS);
        if (!(mapped instanceof NetworkException) || ++failures[0] > endpoints.count()) {
          throw mapped;
        }
      } catch (NetworkException e) {
        // This endpoint could not be set up or its stream ended early: the next one may work.
        if (++failures[0] > endpoints.count()) {
          throw e;
        }
      }
      endpoints.answered((index + 1) % endpoints.count());
    }
  }
}
