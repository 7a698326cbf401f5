package org.servicerecords.registry.client.internal.audit.chain;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;

/**
 * Fabric's block hashes: the header's DER encoding and hash, and the data hash, computed as
 * Fabric's protoutil defines them (read there, not called).
 */
public final class BlockHashes {

  private BlockHashes() {}

  /**
   * The header's bytes that are hashed and signed: the DER SEQUENCE of the number (INTEGER, the
   * unsigned 64-bit value), the previous hash and the data hash (OCTET STRINGs).
   *
   * @param header the header
   * @return the DER bytes
   */
  public static byte[] headerBytes(BlockHeader header) {
    ASN1EncodableVector fields = new ASN1EncodableVector();
    fields.add(new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))));
    fields.add(new DEROctetString(header.getPreviousHash().toByteArray()));
    fields.add(new DEROctetString(header.getDataHash().toByteArray()));
    try {
      return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException("DER encoding of a block header", e);
    }
  }

  /**
   * The header hash: SHA-256 of {@link #headerBytes}. The next block names it as its previous hash,
   * and a peer reports the last one as its current block hash.
   *
   * @param header the header
   * @return the hash
   */
  public static byte[] headerHash(BlockHeader header) {
    return sha256().digest(headerBytes(header));
  }

  /**
   * The data hash: SHA-256 over the envelopes' bytes one after the other (Fabric v2 and v3).
   *
   * @param data the block's data
   * @return the hash
   */
  public static byte[] dataHash(BlockData data) {
    MessageDigest digest = sha256();
    for (ByteString envelope : data.getDataList()) {
      digest.update(envelope.asReadOnlyByteBuffer());
    }
    return digest.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
