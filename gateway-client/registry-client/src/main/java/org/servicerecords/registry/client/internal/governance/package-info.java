/**
 * Internal, not API: governance administration and the governance snapshot kept current from
 * events. May change without notice; use the interfaces and values of {@code
 * org.servicerecords.registry.client} instead.
 */
package org.servicerecords.registry.client.internal.governance;
