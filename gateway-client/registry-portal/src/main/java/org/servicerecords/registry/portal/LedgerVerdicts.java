package org.servicerecords.registry.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.servicerecords.registry.client.Attestation;
import org.servicerecords.registry.client.AttestationException;
import org.servicerecords.registry.client.AttestedReport;
import org.servicerecords.registry.client.AttestedVerification;
import org.servicerecords.registry.client.GovernanceSnapshot;
import org.servicerecords.registry.client.InvalidArgumentException;
import org.servicerecords.registry.client.NetworkException;
import org.servicerecords.registry.client.NotFoundException;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.client.RegistryException;
import org.servicerecords.registry.client.VerificationRequest;
import org.servicerecords.registry.model.AgencyEntry;
import org.servicerecords.registry.portal.ApiInputs.HashQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's questions to the ledger, through the library with the portal's verifier identity.
 * Every verdict is attested: endorsed by peers of the record owner's organisation and of another,
 * each signature checked by the library. Nothing is cached here: each request asks the peers, so a
 * revocation is seen as soon as it is committed. The library keeps the governance snapshot (agency
 * names, namespaces) current from governance events, and the channel's root certificates per
 * connection.
 */
final class LedgerVerdicts {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerVerdicts.class);

  private final RegistryConnection connection;
  private final Attestation attestation;
  private final Clock clock;

  LedgerVerdicts(RegistryConnection connection, Attestation attestation, Clock clock) {
    this.connection = connection;
    this.attestation = attestation;
    this.clock = clock;
  }

  /** One agency as the pages list it. */
  record AgencyView(String msp, String name, String namespace) {}

  /** The agencies governance records, for the issuer choice. */
  List<AgencyView> agencies() {
    return call(
        "agencies",
        ApiError.UNKNOWN_NAMESPACE,
        () ->
            governance().agencies().stream()
                .map(a -> new AgencyView(a.msp(), a.displayName(), a.namespace()))
                .toList());
  }

  /** The verdict on a document hash, every agency asked unless the question names one. */
  ReportView verifyHash(HashQuestion question) {
    return call(
        "verify",
        ApiError.UNKNOWN_ISSUER,
        () -> {
          VerificationRequest request =
              VerificationRequest.forHash(question.sha256())
                  .issuer(question.issuer())
                  .at(question.at())
                  .build();
          AttestedReport answer = connection.verifier().verifyAttested(request, attestation);
          return ReportView.of(
              answer.report().verdict(),
              question.sha256(),
              question.at(),
              answer.report().matches(),
              answer.attesters(),
              names(),
              clock.instant());
        });
  }

  /** The verdict on one record, by namespace (or MSP id) and id. */
  ReportView verifyRecord(String namespace, String id, Instant at) {
    return call(
        "record",
        ApiError.UNKNOWN_NAMESPACE,
        () -> {
          AttestedVerification answer =
              connection.verifier().verifyRecordAttested(namespace, id, at, attestation);
          var verification = answer.verification();
          return ReportView.of(
              verification.verdict(),
              verification.record() == null ? null : verification.record().documentHash(),
              at,
              List.of(verification),
              answer.attesters(),
              names(),
              clock.instant());
        });
  }

  private GovernanceSnapshot governance() throws RegistryException {
    return connection.registryClient().governance();
  }

  private Map<String, String> names() throws RegistryException {
    Map<String, String> names = new HashMap<>();
    for (AgencyEntry agency : governance().agencies()) {
      names.put(agency.msp(), agency.displayName());
    }
    return names;
  }

  private interface LedgerCall<T> {
    T run() throws RegistryException;
  }

  /** Attempts at an attested answer while the organisations' peers still answer differently. */
  private static final int ATTEMPTS = 4;

  private static final long RETRY_PAUSE_MILLIS = 250;

  /**
   * Runs an attested call, again after a pause while the answers differ: each peer commits a block
   * on its own, so right after a revocation one organisation's peer may still answer VALID for a
   * moment while the other answers REVOKED. Neither answer is shown until both sign the same one.
   */
  private static <T> T settled(LedgerCall<T> work) throws RegistryException {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run();
      } catch (AttestationException e) {
        if (e.reason() != AttestationException.Reason.ANSWERS_DIFFER || attempt == ATTEMPTS) {
          throw e;
        }
      }
      try {
        Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PortalException(ApiError.PEERS_UNAVAILABLE, "the portal is stopping");
      }
    }
  }

  /**
   * Runs a ledger call and turns the library's typed failures into the portal's codes ({@code
   * unknown} for a namespace or issuer no agency owns). The log names the call and the failure's
   * type, code and stage, never the library's message, which may hold a request's values.
   */
  private static <T> T call(String what, ApiError unknown, LedgerCall<T> work) {
    try {
      return settled(work);
    } catch (NotFoundException e) {
      throw new PortalException(unknown, "no agency owns that namespace or MSP id");
    } catch (InvalidArgumentException e) {
      throw new PortalException(ApiError.INVALID_REQUEST, "the registry refused the question");
    } catch (AttestationException e) {
      LOG.warn("{}: attestation failed: {}", what, e.reason());
      throw new PortalException(
          ApiError.ATTESTATION_FAILED,
          "the peers' signed answers did not prove one verdict; try again later");
    } catch (NetworkException e) {
      LOG.warn("{}: peers unavailable ({})", what, e.stage());
      throw new PortalException(
          ApiError.PEERS_UNAVAILABLE,
          "the registry's peers cannot be reached at the moment; try again later");
    } catch (RegistryException e) {
      LOG.warn("{}: {} {} ({})", what, e.getClass().getSimpleName(), e.code(), e.stage());
      throw new PortalException(
          ApiError.PEERS_UNAVAILABLE, "the registry could not answer at the moment; try again");
    }
  }
}
