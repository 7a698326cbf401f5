/** Internal, not API: types the architecture test's bad fixture leaks. Test only. */
package org.servicerecords.registry.client.internal.archfixture;
