/**
 * Internal, not API: the channel's organisations and their roots, and the checks of peer
 * endorsements against them. May change without notice; use the interfaces and values of {@code
 * org.servicerecords.registry.client} instead.
 */
package org.servicerecords.registry.client.internal.trust;
