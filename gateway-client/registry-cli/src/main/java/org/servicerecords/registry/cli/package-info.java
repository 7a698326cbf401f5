/**
 * The {@code registry} command-line tool (picocli): enrollment, issuing and deciding for agencies,
 * verification for citizens, history, listing, export and event watching for auditors, with exit
 * codes scripts can rely on ({@link org.servicerecords.registry.cli.ExitCodes}).
 */
package org.servicerecords.registry.cli;
