/**
 * Values shared by the registry chaincode and its client library: records, governance entries,
 * events, verdicts, error codes, and the canonical JSON form in which they are stored and
 * exchanged.
 */
package org.servicerecords.registry.model;
