package org.servicerecords.registry.portal;

import java.util.Objects;

/** A request the portal refuses, with its stable code and a message safe to show to anyone. */
final class PortalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ApiError error;

  PortalException(ApiError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  ApiError error() {
    return error;
  }
}
