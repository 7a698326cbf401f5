/**
 * The connection profile shared by the CLI and the library: channel and chaincode names, the MSP id
 * and identity files, each organisation's peer and CA endpoints, deadlines, and environment
 * overrides ({@code REGISTRY_*}).
 */
package org.servicerecords.registry.client.profile;
