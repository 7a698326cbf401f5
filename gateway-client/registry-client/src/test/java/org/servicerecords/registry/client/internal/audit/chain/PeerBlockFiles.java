package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;

/**
 * Reads a peer's block files ({@code blockfile_000000}, {@code blockfile_000001}, ...) in the
 * peer's own storage format, as described by Fabric's {@code common/ledger/blkstorage}: each block
 * is a varint length followed by that many bytes, which hold the header (varint number, then
 * length-prefixed data hash and previous hash), the varint count of envelopes each length-prefixed,
 * and the varint count of metadata entries each length-prefixed. For tests only.
 */
final class PeerBlockFiles implements Iterator<Block>, AutoCloseable {

  private final List<Path> files;
  private int next;
  private InputStream stream;
  private CodedInputStream input;
  private Block pending;

  private PeerBlockFiles(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /**
   * Opens a block file, or every {@code blockfile_*} in a directory in name order.
   *
   * @param path a block file or the directory of a channel's block files
   * @return the reader
   * @throws IOException if the directory cannot be listed
   */
  static PeerBlockFiles open(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return new PeerBlockFiles(List.of(path));
    }
    try (Stream<Path> list = Files.list(path)) {
      return new PeerBlockFiles(
          list.filter(p -> p.getFileName().toString().startsWith("blockfile_")).sorted().toList());
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      try {
        pending = read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pending != null;
  }

  @Override
  public Block next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Block block = pending;
    pending = null;
    return block;
  }

  private Block read() throws IOException {
    while (true) {
      if (input == null || input.isAtEnd()) {
        if (next >= files.size()) {
          return null;
        }
        close();
        stream = Files.newInputStream(files.get(next++));
        input = CodedInputStream.newInstance(stream);
        input.setSizeLimit(Integer.MAX_VALUE);
        continue;
      }
      byte[] serialized = input.readByteArray();
      input.resetSizeCounter();
      return parse(CodedInputStream.newInstance(serialized));
    }
  }

  private static Block parse(CodedInputStream in) throws IOException {
    BlockHeader.Builder header = BlockHeader.newBuilder().setNumber(in.readUInt64());
    header.setDataHash(in.readBytes()).setPreviousHash(in.readBytes());
    BlockData.Builder data = BlockData.newBuilder();
    long envelopes = in.readUInt64();
    for (long i = 0; i < envelopes; i++) {
      data.addData(in.readBytes());
    }
    BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
    long entries = in.readUInt64();
    List<ByteString> values = new ArrayList<>();
    for (long i = 0; i < entries; i++) {
      values.add(in.readBytes());
    }
    metadata.addAllMetadata(values);
    return Block.newBuilder().setHeader(header).setData(data).setMetadata(metadata).build();
  }

  @Override
  public void close() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
