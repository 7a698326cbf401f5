package org.servicerecords.registry.rogue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * TEST ONLY — a submitter that chooses its own transaction timestamp. The Fabric SDKs stamp every
 * proposal with the client's clock; nothing in Fabric checks that time, so an agency can send any
 * time by building the proposal itself. This tool does that: it builds the {@link SignedProposal}
 * by hand (channel header with the chosen timestamp and the chaincode extension, signature header
 * with the creator and a fresh nonce, transaction id = hex(SHA-256(nonce || creator))), signs it
 * with the identity's EC key (low S, as Fabric requires), sends it to a peer's Gateway {@code
 * Endorse} naming the endorsing organisations, and, if endorsed, signs and submits the envelope and
 * waits for its commit status.
 *
 * <pre>
 * java -cp rogue-chaincode.jar org.servicerecords.registry.rogue.CraftedProposal \
 *   --msp-id JusticeMSP --cert CERT.pem --key KEY.pem \
 *   --peer 127.0.0.1:7051 --tls-root PEER_TLS_ROOT.pem \
 *   --channel registry --chaincode records-justice \
 *   --endorsing-orgs JusticeMSP,ServicesMSP --timestamp-offset -3600 \
 *   [--also-broadcast 127.0.0.1:7050@ORDERER_TLS_ROOT.pem,...] \
 *   records:AnchorCertificate '{"id":"..."}'
 * </pre>
 *
 * <p>With {@code --also-broadcast}, once the Gateway accepted the submission the same signed
 * envelope is sent straight to each listed orderer too, and each answer is printed ({@code sent
 * again to orderer ADDR: STATUS}).
 *
 * <p>Prints the transaction id and asserted time, then either {@code endorsement refused: ...} with
 * one line per organisation's answer (exit 3), {@code submission refused: ...} (exit 5), or {@code
 * committed: CODE in block N} (exit 0 for VALID, 4 otherwise). Exit 2 for a usage error, 1 for
 * anything else.
 */
public final class CraftedProposal {

  static final int EXIT_VALID = 0;
  static final int EXIT_ERROR = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_ENDORSEMENT_REFUSED = 3;
  static final int EXIT_INVALID = 4;
  static final int EXIT_SUBMIT_REFUSED = 5;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> OPTIONS =
      List.of(
          "--msp-id",
          "--cert",
          "--key",
          "--peer",
          "--tls-root",
          "--channel",
          "--chaincode",
          "--endorsing-orgs",
          "--timestamp-offset");

  /**
   * Optional: after the Gateway's submission, the same signed envelope is also sent straight to
   * each of these orderers ({@code host:port@tls-root.pem}, comma-separated), as a client
   * resubmitting.
   */
  private static final String ALSO_BROADCAST = "--also-broadcast";

  private CraftedProposal() {}

  /**
   * Runs the tool.
   *
   * @param args options, then the transaction name and its arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> call = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (call.isEmpty()
          && (OPTIONS.contains(args[i]) || ALSO_BROADCAST.equals(args[i]))
          && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else if (call.isEmpty() && args[i].startsWith("--")) {
        return usage("unknown option " + args[i]);
      } else {
        call.add(args[i]);
      }
    }
    for (String option : OPTIONS) {
      if (!options.containsKey(option)) {
        return usage("missing " + option);
      }
    }
    if (call.isEmpty()) {
      return usage("missing the transaction name");
    }
    long offsetSeconds;
    try {
      offsetSeconds = Long.parseLong(options.get("--timestamp-offset"));
    } catch (NumberFormatException e) {
      return usage("--timestamp-offset takes whole seconds, e.g. -3600");
    }
    try {
      return send(options, call, offsetSeconds);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      System.out.println("error: " + e);
      return EXIT_ERROR;
    }
  }

  private static int usage(String problem) {
    System.err.println("crafted-proposal: " + problem);
    System.err.println(
        "usage: CraftedProposal --msp-id MSP --cert PEM --key PEM --peer HOST:PORT --tls-root PEM"
            + " --channel C --chaincode NAME --endorsing-orgs MSP[,MSP...] --timestamp-offset"
            + " SECONDS [--also-broadcast HOST:PORT@TLS_ROOT,...] FUNCTION [ARG...]");
    return EXIT_USAGE;
  }

  private static int send(Map<String, String> options, List<String> call, long offsetSeconds)
      throws IOException, GeneralSecurityException {
    String mspId = options.get("--msp-id");
    String channel = options.get("--channel");
    String chaincode = options.get("--chaincode");
    PrivateKey key = readPrivateKey(Path.of(options.get("--key")));
    ByteString creator =
        SerializedIdentity.newBuilder()
            .setMspid(mspId)
            .setIdBytes(ByteString.copyFrom(Files.readAllBytes(Path.of(options.get("--cert")))))
            .build()
            .toByteString();
    byte[] nonce = new byte[24];
    RANDOM.nextBytes(nonce);
    String txId = transactionId(nonce, creator.toByteArray());
    Instant asserted = Instant.now().plusSeconds(offsetSeconds);

    SignedProposal proposal =
        signedProposal(key, creator, nonce, txId, asserted, channel, chaincode, call);
    System.out.println(
        "proposal: txid "
            + txId
            + ", asserted time "
            + asserted
            + " ("
            + offsetSeconds
            + " s from this host's clock), "
            + chaincode
            + " "
            + call.get(0));

    ManagedChannel grpc =
        NettyChannelBuilder.forTarget(options.get("--peer"))
            .sslContext(
                GrpcSslContexts.forClient()
                    .trustManager(Path.of(options.get("--tls-root")).toFile())
                    .build())
            .build();
    try {
      GatewayGrpc.GatewayBlockingStub gateway = GatewayGrpc.newBlockingStub(grpc);
      EndorseResponse endorsed;
      try {
        endorsed =
            gateway
                .withDeadlineAfter(120, TimeUnit.SECONDS)
                .endorse(
                    EndorseRequest.newBuilder()
                        .setTransactionId(txId)
                        .setChannelId(channel)
                        .setProposedTransaction(proposal)
                        .addAllEndorsingOrganizations(
                            List.of(options.get("--endorsing-orgs").split(",")))
                        .build());
      } catch (StatusRuntimeException e) {
        System.out.println("endorsement refused: " + describe(e));
        return EXIT_ENDORSEMENT_REFUSED;
      }
      System.out.println("endorsed by " + options.get("--endorsing-orgs") + "; submitting");

      Envelope unsigned = endorsed.getPreparedTransaction();
      Envelope envelope =
          unsigned.toBuilder()
              .setSignature(ByteString.copyFrom(sign(key, unsigned.getPayload().toByteArray())))
              .build();
      try {
        gateway
            .withDeadlineAfter(60, TimeUnit.SECONDS)
            .submit(
                SubmitRequest.newBuilder()
                    .setTransactionId(txId)
                    .setChannelId(channel)
                    .setPreparedTransaction(envelope)
                    .build());
      } catch (StatusRuntimeException e) {
        System.out.println("submission refused: " + describe(e));
        return EXIT_SUBMIT_REFUSED;
      }
      if (options.containsKey(ALSO_BROADCAST)) {
        for (String orderer : options.get(ALSO_BROADCAST).split(",")) {
          String[] parts = orderer.split("@", 2);
          if (parts.length != 2) {
            return usage(ALSO_BROADCAST + " takes host:port@tls-root.pem, not " + orderer);
          }
          System.out.println(
              "sent again to orderer "
                  + parts[0]
                  + ": "
                  + OrdererBroadcast.send(parts[0], Path.of(parts[1]), envelope));
        }
      }

      ByteString request =
          CommitStatusRequest.newBuilder()
              .setTransactionId(txId)
              .setChannelId(channel)
              .setIdentity(creator)
              .build()
              .toByteString();
      CommitStatusResponse status =
          gateway
              .withDeadlineAfter(180, TimeUnit.SECONDS)
              .commitStatus(
                  SignedCommitStatusRequest.newBuilder()
                      .setRequest(request)
                      .setSignature(ByteString.copyFrom(sign(key, request.toByteArray())))
                      .build());
      System.out.println(
          "committed: " + status.getResult() + " in block " + status.getBlockNumber());
      return status.getResult() == TxValidationCode.VALID ? EXIT_VALID : EXIT_INVALID;
    } finally {
      grpc.shutdownNow();
    }
  }

  /** Fabric's transaction id: lowercase hex of SHA-256(nonce || creator). */
  static String transactionId(byte[] nonce, byte[] creator) throws GeneralSecurityException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(nonce);
    sha256.update(creator);
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** The proposal as a Gateway client builds it, with {@code asserted} as its timestamp. */
  static SignedProposal signedProposal(
      PrivateKey key,
      ByteString creator,
      byte[] nonce,
      String txId,
      Instant asserted,
      String channel,
      String chaincode,
      List<String> call)
      throws GeneralSecurityException {
    ChaincodeID id = ChaincodeID.newBuilder().setName(chaincode).build();
    ChannelHeader channelHeader =
        ChannelHeader.newBuilder()
            .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
            .setTxId(txId)
            .setTimestamp(
                Timestamp.newBuilder()
                    .setSeconds(asserted.getEpochSecond())
                    .setNanos(asserted.getNano()))
            .setChannelId(channel)
            .setExtension(
                ChaincodeHeaderExtension.newBuilder().setChaincodeId(id).build().toByteString())
            .setEpoch(0)
            .build();
    SignatureHeader signatureHeader =
        SignatureHeader.newBuilder()
            .setCreator(creator)
            .setNonce(ByteString.copyFrom(nonce))
            .build();
    ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
    call.forEach(a -> input.addArgs(ByteString.copyFrom(a, StandardCharsets.UTF_8)));
    ChaincodeInvocationSpec spec =
        ChaincodeInvocationSpec.newBuilder()
            .setChaincodeSpec(ChaincodeSpec.newBuilder().setChaincodeId(id).setInput(input))
            .build();
    Proposal proposal =
        Proposal.newBuilder()
            .setHeader(
                Header.newBuilder()
                    .setChannelHeader(channelHeader.toByteString())
                    .setSignatureHeader(signatureHeader.toByteString())
                    .build()
                    .toByteString())
            .setPayload(
                ChaincodeProposalPayload.newBuilder()
                    .setInput(spec.toByteString())
                    .build()
                    .toByteString())
            .build();
    ByteString bytes = proposal.toByteString();
    return SignedProposal.newBuilder()
        .setProposalBytes(bytes)
        .setSignature(ByteString.copyFrom(sign(key, bytes.toByteArray())))
        .build();
  }

  /** ECDSA-SHA256 with S in the lower half of the curve order (Fabric refuses a high S). */
  static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
    if (!(key instanceof ECPrivateKey ec)) {
      throw new GeneralSecurityException("the identity's key is not an EC key");
    }
    Signature signature = Signature.getInstance("SHA256withECDSA");
    signature.initSign(key, RANDOM);
    signature.update(data);
    byte[] der = signature.sign();
    BigInteger order = ec.getParams().getOrder();
    ASN1Sequence sequence = ASN1Sequence.getInstance(der);
    BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
    if (s.compareTo(order.shiftRight(1)) <= 0) {
      return der;
    }
    try {
      return new DERSequence(
              new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(order.subtract(s))})
          .getEncoded();
    } catch (IOException e) {
      throw new GeneralSecurityException("DER encoding failed", e);
    }
  }

  /** A PKCS#8 PEM private key, as Fabric CA's client writes into {@code keystore/}. */
  static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException(file + " holds no PKCS#8 PEM private key");
    }
    String body = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end);
    byte[] der = Base64.getMimeDecoder().decode(body);
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /** The gRPC status and, one line each, what every organisation's peer answered. */
  static String describe(StatusRuntimeException e) {
    StringBuilder text = new StringBuilder(e.getStatus().toString());
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status != null) {
      for (Any detail : status.getDetailsList()) {
        try {
          if (detail.is(ErrorDetail.class)) {
            ErrorDetail error = detail.unpack(ErrorDetail.class);
            text.append(System.lineSeparator())
                .append("  ")
                .append(error.getMspId())
                .append(' ')
                .append(error.getAddress())
                .append(": ")
                .append(error.getMessage());
          }
        } catch (InvalidProtocolBufferException ignored) {
          text.append(System.lineSeparator()).append("  (an unreadable error detail)");
        }
      }
    }
    return text.toString();
  }
}
