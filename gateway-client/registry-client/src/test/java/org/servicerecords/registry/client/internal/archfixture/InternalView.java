package org.servicerecords.registry.client.internal.archfixture;

/** An internal interface that {@code archfixture.LeakyApi} wrongly implements. Test only. */
public interface InternalView {}
