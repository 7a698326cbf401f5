package org.servicerecords.registry.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A QR code in a file, as {@code registry qr} writes it: error correction level M, a quiet zone of
 * {@value #QUIET_ZONE} modules, the text encoded as UTF-8. A PNG of a given side in pixels (ZXing's
 * {@link MatrixToImageWriter}), or an SVG of one path of unit squares in a view box measured in
 * modules, which prints sharp at any size. Files are written whole or not at all: into a temporary
 * file in the same folder, then moved over the name.
 */
final class QrCodeFile {

  /** The file formats, told by the file name's extension. */
  enum Format {
    /** {@code .png}: a bitmap of {@code --size} pixels a side. */
    PNG,
    /** {@code .svg}: a vector drawing, sized where it is printed. */
    SVG;

    /**
     * The format a file name's extension names, in any case.
     *
     * @param file the file
     * @return the format, or {@code null} for another extension
     */
    static Format of(Path file) {
      Path name = file.getFileName();
      String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      if (text.endsWith(".png")) {
        return PNG;
      }
      if (text.endsWith(".svg")) {
        return SVG;
      }
      return null;
    }
  }

  /** Modules of white around the code, as the QR standard asks. */
  static final int QUIET_ZONE = 4;

  /** The PNG's side in pixels without {@code --size}. */
  static final int DEFAULT_SIZE = 512;

  /** The smallest PNG side accepted. */
  static final int MIN_SIZE = 128;

  /** The largest PNG side accepted. */
  static final int MAX_SIZE = 4096;

  /**
   * Level M, the quiet zone; no character set: a portal address is ASCII, and naming one would add
   * an ECI header that some scanners mishandle.
   */
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(
          EncodeHintType.ERROR_CORRECTION,
          ErrorCorrectionLevel.M,
          EncodeHintType.MARGIN,
          QUIET_ZONE);

  private QrCodeFile() {}

  /**
   * The code's modules, one bit each, the quiet zone included.
   *
   * @param text the text to encode
   * @return the matrix, set bits dark
   * @throws IllegalArgumentException (bad input) if the text does not fit in a QR code
   */
  static BitMatrix matrix(String text) {
    return encode(text, 0);
  }

  /**
   * The PNG image of a code: {@code size} pixels a side, each module a square of whole pixels, the
   * rest of the side added to the quiet zone.
   *
   * @param text the text to encode
   * @param size the side in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
   * @return the PNG file's bytes
   * @throws IllegalArgumentException (bad input) if the size is out of range, or the code does not
   *     fit in it or at all
   */
  static byte[] png(String text, int size) {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "the side must be " + MIN_SIZE + " to " + MAX_SIZE + " pixels: " + size);
    }
    BitMatrix pixels = encode(text, size);
    if (pixels.getWidth() > size) {
      // ZXing gives at least one pixel a module, growing past the size asked for.
      throw new IllegalArgumentException(
          "the code needs "
              + pixels.getWidth()
              + " pixels a side with its quiet zone, more than "
              + size);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      MatrixToImageWriter.writeToStream(pixels, "PNG", png);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return png.toByteArray();
  }

  /**
   * The SVG drawing of a code: a white background and one black path of unit squares, one per dark
   * module, in a view box of the code's modules with its quiet zone; the text as its title.
   *
   * @param text the text to encode
   * @return the SVG document
   * @throws IllegalArgumentException (bad input) if the text does not fit in a QR code
   */
  static String svg(String text) {
    BitMatrix modules = matrix(text);
    int width = modules.getWidth();
    int height = modules.getHeight();
    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" shape-rendering=\"crispEdges\" role=\"img\" aria-labelledby=\"title\">\n")
        .append("<title id=\"title\">")
        .append(escape(text))
        .append("</title>\n")
        .append("<rect width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" fill=\"#ffffff\"/>\n")
        .append("<path fill=\"#000000\" d=\"");
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (modules.get(x, y)) {
          svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    svg.append("\"/>\n</svg>\n");
    return svg.toString();
  }

  /**
   * Writes a code as a PNG file.
   *
   * @param text the text to encode
   * @param size the side in pixels
   * @param file the file
   * @param replace whether an existing file is replaced
   * @throws IOException if the file cannot be written, or exists and {@code replace} is false
   * @throws IllegalArgumentException (bad input) as {@link #png}
   */
  static void writePng(String text, int size, Path file, boolean replace) throws IOException {
    OutputFile.write(file, png(text, size), replace);
  }

  /**
   * Writes a code as an SVG file (UTF-8).
   *
   * @param text the text to encode
   * @param file the file
   * @param replace whether an existing file is replaced
   * @throws IOException if the file cannot be written, or exists and {@code replace} is false
   * @throws IllegalArgumentException (bad input) if the text does not fit in a QR code
   */
  static void writeSvg(String text, Path file, boolean replace) throws IOException {
    OutputFile.write(file, svg(text).getBytes(StandardCharsets.UTF_8), replace);
  }

  private static BitMatrix encode(String text, int size) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "too long for a QR code at error correction level M: " + text.length() + " characters");
    }
  }

  /** The text as XML character data. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
