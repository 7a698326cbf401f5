package org.servicerecords.registry.portal;

/**
 * The portal's stable error codes, each with its HTTP status. The JSON API answers an error as
 * {@code {"error":{"code":"INVALID_HASH","message":"..."}}}; the pages translate the code.
 */
public enum ApiError {
  /** The document hash is not a SHA-256 in hex (64 digits). */
  INVALID_HASH(400),
  /** The record id breaks the registry's id rule. */
  INVALID_ID(400),
  /** The namespace is neither a records namespace nor an MSP id by its form. */
  INVALID_NAMESPACE(400),
  /** The issuer is neither a records namespace nor an MSP id by its form. */
  INVALID_ISSUER(400),
  /** The instant is not an ISO-8601 instant. */
  INVALID_DATE(400),
  /** The request is malformed: a body that is not the JSON object the API expects, a bad URI. */
  INVALID_REQUEST(400),
  /** No agency owns the namespace. */
  UNKNOWN_NAMESPACE(404),
  /** No agency has that MSP id or namespace. */
  UNKNOWN_ISSUER(404),
  /** No such page or API route. */
  NOT_FOUND(404),
  /** The route exists but not with this method. */
  METHOD_NOT_ALLOWED(405),
  /** The body is larger than a hash request can be: documents are never uploaded. */
  PAYLOAD_TOO_LARGE(413),
  /** The body is not JSON (a file upload, a form). */
  UNSUPPORTED_MEDIA_TYPE(415),
  /** Too many requests from this client; {@code Retry-After} says when to try again. */
  RATE_LIMITED(429),
  /** No peer of an organisation that must answer could be reached. */
  PEERS_UNAVAILABLE(503),
  /** Peers answered, but their signed answers did not prove one verdict. */
  ATTESTATION_FAILED(502),
  /** A failure of the portal itself; details are in its log, never in the answer. */
  INTERNAL_ERROR(500);

  private final int status;

  ApiError(int status) {
    this.status = status;
  }

  /**
   * Returns the HTTP status the error is answered with.
   *
   * @return the status
   */
  public int status() {
    return status;
  }
}
