package org.servicerecords.registry.rogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.Test;

class CraftedProposalTest {

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  @Test
  void theProposalCarriesTheChosenTimestampAndAFabricTransactionId() throws Exception {
    KeyPair keys = keys();
    ByteString creator =
        SerializedIdentity.newBuilder()
            .setMspid("JusticeMSP")
            .setIdBytes(ByteString.copyFromUtf8("certificate"))
            .build()
            .toByteString();
    byte[] nonce = new byte[24];
    nonce[0] = 7;
    String txId = CraftedProposal.transactionId(nonce, creator.toByteArray());
    Instant asserted = Instant.parse("2020-02-02T02:02:02.123456789Z");

    SignedProposal signed =
        CraftedProposal.signedProposal(
            keys.getPrivate(),
            creator,
            nonce,
            txId,
            asserted,
            "registry",
            "records-justice",
            List.of("records:AnchorCertificate", "{}"));

    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(nonce);
    sha256.update(creator.toByteArray());
    assertThat(txId).isEqualTo(HexFormat.of().formatHex(sha256.digest()));

    Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
    Header header = Header.parseFrom(proposal.getHeader());
    ChannelHeader channel = ChannelHeader.parseFrom(header.getChannelHeader());
    assertThat(channel.getType()).isEqualTo(HeaderType.ENDORSER_TRANSACTION_VALUE);
    assertThat(channel.getTxId()).isEqualTo(txId);
    assertThat(channel.getChannelId()).isEqualTo("registry");
    assertThat(
            Instant.ofEpochSecond(
                channel.getTimestamp().getSeconds(), channel.getTimestamp().getNanos()))
        .isEqualTo(asserted);
    assertThat(
            ChaincodeHeaderExtension.parseFrom(channel.getExtension()).getChaincodeId().getName())
        .isEqualTo("records-justice");
    SignatureHeader signature = SignatureHeader.parseFrom(header.getSignatureHeader());
    assertThat(signature.getCreator()).isEqualTo(creator);
    assertThat(signature.getNonce().toByteArray()).isEqualTo(nonce);
    ChaincodeInvocationSpec spec =
        ChaincodeInvocationSpec.parseFrom(
            ChaincodeProposalPayload.parseFrom(proposal.getPayload()).getInput());
    assertThat(spec.getChaincodeSpec().getInput().getArgsList())
        .extracting(ByteString::toStringUtf8)
        .containsExactly("records:AnchorCertificate", "{}");

    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(keys.getPublic());
    verifier.update(signed.getProposalBytes().toByteArray());
    assertThat(verifier.verify(signed.getSignature().toByteArray())).isTrue();
  }

  @Test
  void everySignatureHasALowS() throws Exception {
    KeyPair keys = keys();
    BigInteger half = ((ECPrivateKey) keys.getPrivate()).getParams().getOrder().shiftRight(1);
    for (int i = 0; i < 64; i++) {
      byte[] data = ("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] der = CraftedProposal.sign(keys.getPrivate(), data);
      BigInteger s =
          ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1)).getValue();
      assertThat(s).isLessThanOrEqualTo(half);
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(keys.getPublic());
      verifier.update(data);
      assertThat(verifier.verify(der)).isTrue();
    }
  }
}
