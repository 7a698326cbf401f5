/**
 * Internal, not API: the wiring of one connection ({@code RegistryConnection.open}). May change
 * without notice; use the interfaces and values of {@code org.servicerecords.registry.client}
 * instead.
 */
package org.servicerecords.registry.client.internal;
