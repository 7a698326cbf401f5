/**
 * The {@code registry} command-line tool (picocli), its commands grouped by who uses them: {@code
 * CaCommands} (enroll, register), {@code AgencyCommands} (issue, issue-batch, receive, decide,
 * revoke, supersede), {@code QrCommand} (qr: the QR code of a record's verdict page, drawn by
 * {@code QrCodeFile}), {@code VerifyCommands} (verify, verify-decision, show), {@code
 * AuditCommands} (history, list, export, watch, audit events) and {@code GovernanceCommands};
 * {@code CliCommand} is their one way to connect, {@code Output} their one place for human and JSON
 * output, {@code DocumentSource} their one way to give a document. Every command answers {@code
 * --help} and {@code registry help COMMAND} with an example and its exit codes ({@link
 * org.servicerecords.registry.cli.ExitCodes}), on which scripts can rely.
 */
package org.servicerecords.registry.cli;
