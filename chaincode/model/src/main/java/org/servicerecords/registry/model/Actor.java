package org.servicerecords.registry.model;

/**
 * Who performed a change, as stored in the record value (Fabric's history carries no creator).
 *
 * <p>No name is stored: {@code idHash} is the lowercase hex SHA-256 of the caller's Fabric identity
 * string ({@code x509::subject::issuer}); the agency that enrolled the user can map it back to a
 * person, a verifier cannot.
 *
 * @param msp MSP id of the caller's organisation
 * @param idHash SHA-256 (hex) of the caller's identity string
 * @param role the caller's {@code role} certificate attribute
 */
public record Actor(String msp, String idHash, String role) {}
