/**
 * Fabric CA over its REST API: enrollment with PKCS#10 requests built by Bouncy Castle,
 * registration of users with {@code role} and {@code doctypes} attributes, reenrollment, and the
 * CA's low-S ECDSA authorisation token.
 */
package org.servicerecords.registry.client.ca;
