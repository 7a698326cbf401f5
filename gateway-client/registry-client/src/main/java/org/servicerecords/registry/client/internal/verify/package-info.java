/**
 * Internal, not API: verification: by hash, attested by several organisations, by record, computed
 * locally, and of a decision's inputs. May change without notice; use the interfaces and values of
 * {@code org.servicerecords.registry.client} instead.
 */
package org.servicerecords.registry.client.internal.verify;
