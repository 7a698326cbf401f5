/**
 * Internal, not API: the auditor: histories, listings, export, and the event stream with its
 * checks. May change without notice; use the interfaces and values of {@code
 * org.servicerecords.registry.client} instead.
 */
package org.servicerecords.registry.client.internal.audit;
