/**
 * Internal, not API: connections to the peers, queries, and exactly-once submission with the Fabric
 * Gateway errors mapped to typed exceptions. May change without notice; use the interfaces and
 * values of {@code org.servicerecords.registry.client} instead.
 */
package org.servicerecords.registry.client.internal.submit;
