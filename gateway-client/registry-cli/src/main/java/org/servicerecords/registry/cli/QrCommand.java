package org.servicerecords.registry.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.servicerecords.registry.client.RecordLink;
import org.servicerecords.registry.model.InputRules;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.model.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code registry qr}: the QR code an issuer prints on a paper document. It encodes the address of
 * the record's verdict page on the verification portal ({@link RecordLink}), with the document's
 * SHA-256 as the ledger holds it in the fragment, and is written as a PNG or SVG file ({@link
 * QrCodeFile}). It only reads the record, so a read-only verifier identity can make one. The
 * options are checked before connecting.
 */
@Command(
    name = "qr",
    description = {
      "Write the QR code to print on a record's document: its verdict page on the portal.",
      "The code encodes PORTAL/r/NAMESPACE/ID#sha256=HASH, the hash as the ledger holds it."
          + " FILE.png is a bitmap of --size pixels a side, FILE.svg a vector drawing; error"
          + " correction level M, a quiet zone of 4 modules."
    },
    exitCodeList = {
      " 0:the code written",
      " 3:no such record (or namespace)",
      " 5:FILE exists (without --force), its folder is missing, or the id is invalid"
    },
    footer = {
      "  REGISTRY_PORTAL_URL=https://verify.example.uz \\",
      "      registry qr bc-2025-0001 --namespace JusticeMSP -o bc-2025-0001.png",
      "  registry qr bc-7 --portal-url https://verify.example.uz -o bc-7.svg --force"
    })
final class QrCommand extends CliCommand {

  /** Where the portal's address comes from without {@code --portal-url}. */
  static final String PORTAL_ENV = "REGISTRY_PORTAL_URL";

  @Parameters(paramLabel = "ID", description = "Record id")
  String id;

  @Option(
      names = {"--namespace", "--issuer"},
      paramLabel = "NS",
      description = "The record's namespace or its agency's MSP id (default: own)")
  String namespace;

  @Option(
      names = "--portal-url",
      paramLabel = "URL",
      description = "The verification portal's address (default: $" + PORTAL_ENV + ")")
  String portalUrl;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "The file to write, FILE.png or FILE.svg")
  Path output;

  @Option(
      names = "--size",
      paramLabel = "PIXELS",
      description =
          "Side of the PNG, "
              + QrCodeFile.MIN_SIZE
              + " to "
              + QrCodeFile.MAX_SIZE
              + " (default "
              + QrCodeFile.DEFAULT_SIZE
              + ")")
  Integer size;

  @Option(names = "--force", description = "Replace FILE if it exists")
  boolean force;

  @Override
  public Integer call() throws Exception {
    QrCodeFile.Format format = format();
    int side = side(format);
    URI portal = portal();
    if (!InputRules.ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a record id (" + InputRules.ID_RULE + "): " + id);
    }
    OutputFile.check(output, force);

    Verification verification =
        connected(
            c ->
                c.verifier()
                    .verifyRecord(
                        namespace == null ? c.registryClient().namespace() : namespace, id, null));
    RegistryRecord record = verification.record();
    if (record == null) {
      out().error("record '" + id + "' not found in " + verification.namespace());
      return ExitCodes.NOT_FOUND;
    }
    RecordLink link = RecordLink.of(portal, verification.namespace(), id, record.documentHash());
    String url = link.toUri().toString();
    try {
      if (format == QrCodeFile.Format.PNG) {
        QrCodeFile.writePng(url, side, output, force);
      } else {
        QrCodeFile.writeSvg(url, output, force);
      }
    } catch (FileAlreadyExistsException e) {
      // Created while the record was read.
      throw OutputFile.exists(output);
    }
    print(out(), link, output);
    return ExitCodes.OK;
  }

  /**
   * Prints what was written: the address and the file; with {@code --json}, {@code
   * {"file":...,"id":...,"namespace":...,"sha256":...,"url":...}}.
   *
   * @param out the output
   * @param link the record's link the code encodes
   * @param file the file written
   */
  static void print(Output out, RecordLink link, Path file) {
    String url = link.toUri().toString();
    Map<String, String> json = new TreeMap<>();
    json.put("url", url);
    json.put("file", file.toString());
    json.put("namespace", link.namespace());
    json.put("id", link.id());
    json.put("sha256", link.documentHash());
    out.print(
        json, List.of(String.format("url         %s", url), String.format("file        %s", file)));
  }

  /** The file's format from its extension; another is a usage error. */
  private QrCodeFile.Format format() {
    QrCodeFile.Format format = QrCodeFile.Format.of(output);
    if (format == null) {
      throw new ParameterException(
          spec.commandLine(), "-o/--output must name a .png or .svg file: " + output);
    }
    return format;
  }

  /** The PNG's side; out of range, or given for an SVG, a usage error. */
  private int side(QrCodeFile.Format format) {
    if (format == QrCodeFile.Format.SVG) {
      if (size != null) {
        throw new ParameterException(
            spec.commandLine(), "--size is the side of a PNG; an SVG is sized where it is printed");
      }
      return 0;
    }
    int side = size == null ? QrCodeFile.DEFAULT_SIZE : size;
    if (side < QrCodeFile.MIN_SIZE || side > QrCodeFile.MAX_SIZE) {
      throw new ParameterException(
          spec.commandLine(),
          "--size must be "
              + QrCodeFile.MIN_SIZE
              + " to "
              + QrCodeFile.MAX_SIZE
              + " pixels: "
              + side);
    }
    return side;
  }

  /**
   * The portal's address from the option, else the environment; missing or malformed, a usage
   * error.
   */
  private URI portal() {
    String text = portalUrl != null ? portalUrl : root().environment.get(PORTAL_ENV);
    if (text == null || text.isBlank()) {
      throw new ParameterException(
          spec.commandLine(), "no portal address: give --portal-url URL or set " + PORTAL_ENV);
    }
    try {
      URI portal = new URI(text.strip());
      // RecordLink's own check of the address, with placeholder parts that pass theirs.
      RecordLink.of(portal, "records", "id", null);
      return portal;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "the portal address must be an http(s) address with no path, query or fragment: " + text);
    }
  }
}
