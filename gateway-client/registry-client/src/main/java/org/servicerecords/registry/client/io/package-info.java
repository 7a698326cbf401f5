/**
 * Bounded reading of the small files a person names: connection profiles, PEM certificates and
 * keys, personal details, checkpoints. A device, FIFO or folder is refused before it is opened, and
 * no file is read past its limit.
 */
package org.servicerecords.registry.client.io;
