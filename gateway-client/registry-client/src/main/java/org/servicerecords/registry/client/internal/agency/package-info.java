/**
 * Internal, not API: the agency client: anchoring (single and batched), decisions, revocations and
 * personal details. May change without notice; use the interfaces and values of {@code
 * org.servicerecords.registry.client} instead.
 */
package org.servicerecords.registry.client.internal.agency;
