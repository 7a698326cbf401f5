/**
 * The verification portal: a web service over the client library, with a read-only verifier
 * identity, that answers whether a document is authentic and valid. Browsers hash the document
 * themselves and send only its SHA-256; every verdict is an answer endorsed by peers of two
 * organisations and checked by the library ({@code Verifier#verifyAttested}), so the portal's own
 * agency cannot vouch for a document alone. Start it with {@link
 * org.servicerecords.registry.portal.PortalMain} or embed it with {@link
 * org.servicerecords.registry.portal.Portal#builder()}.
 */
package org.servicerecords.registry.portal;
