package org.servicerecords.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicerecords.registry.client.RecordLink;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The QR code files of {@code registry qr}: they scan back to the text they were made from. */
class QrCodeFileTest {

  static final String URL =
      RecordLink.of(
              URI.create("https://verify.example.uz"),
              "records-justice",
              "bc-2025:0001",
              "0123456789abcdef".repeat(4))
          .toUri()
          .toString();

  /** Decodes the QR code in an image with ZXing, as a phone's scanner would. */
  static Result decode(BufferedImage image) throws NotFoundException {
    return new MultiFormatReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
            Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
  }

  @Nested
  class Png {

    @Test
    void decodesBackToTheSameTextAtErrorCorrectionLevelM(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("code.png");

      QrCodeFile.writePng(URL, 512, file, false);

      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image.getWidth()).isEqualTo(512);
      assertThat(image.getHeight()).isEqualTo(512);
      Result result = decode(image);
      assertThat(result.getText()).isEqualTo(URL);
      assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL))
          .isEqualTo("M");
    }

    @Test
    void decodesAtTheSmallestAndLargestSides() throws Exception {
      for (int side : List.of(QrCodeFile.MIN_SIZE, QrCodeFile.MAX_SIZE)) {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodeFile.png(URL, side)));
        assertThat(image.getWidth()).as("side %d", side).isEqualTo(side);
        assertThat(decode(image).getText()).as("side %d", side).isEqualTo(URL);
      }
    }

    @Test
    void keepsAQuietZoneOfFourModulesAtLeast() throws Exception {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodeFile.png(URL, 512)));
      int modules = QrCodeFile.matrix(URL).getWidth();
      int pixelsPerModule = 512 / modules;
      // The top-left finder pattern starts after the quiet zone: white up to it, dark at it.
      int firstDark = -1;
      for (int x = 0; x < image.getWidth() && firstDark < 0; x++) {
        if ((image.getRGB(x, image.getHeight() / 2 - 1) & 0xffffff) == 0) {
          firstDark = x;
        }
      }
      assertThat(firstDark).isGreaterThanOrEqualTo(QrCodeFile.QUIET_ZONE * pixelsPerModule);
    }

    @Test
    void refusesASideOutOfRangeOrTooSmallForTheCode() {
      assertThatThrownBy(() -> QrCodeFile.png(URL, QrCodeFile.MIN_SIZE - 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("128 to 4096");
      assertThatThrownBy(() -> QrCodeFile.png(URL, QrCodeFile.MAX_SIZE + 1))
          .isInstanceOf(IllegalArgumentException.class);
      String longUrl = "https://verify.example.uz/r/records-justice/" + "x".repeat(1400);
      assertThatThrownBy(() -> QrCodeFile.png(longUrl, QrCodeFile.MIN_SIZE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pixels a side");
    }
  }

  @Nested
  class Svg {

    private final Pattern square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

    private Document parse(Path file) throws Exception {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The dark modules the path's squares draw, as a matrix of the view box's size. */
    private BitMatrix squares(String path, int width, int height) {
      BitMatrix drawn = new BitMatrix(width, height);
      Matcher m = square.matcher(path);
      int end = 0;
      while (m.find()) {
        assertThat(m.start()).as("only unit squares in the path").isEqualTo(end);
        drawn.set(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        end = m.end();
      }
      assertThat(end).isEqualTo(path.length());
      return drawn;
    }

    @Test
    void isXmlWithAViewBoxInModulesTheTextAsTitleAndAWhiteBackground(@TempDir Path dir)
        throws Exception {
      Path file = dir.resolve("code.svg");

      QrCodeFile.writeSvg(URL, file, false);

      Element svg = parse(file).getDocumentElement();
      BitMatrix matrix = QrCodeFile.matrix(URL);
      assertThat(svg.getLocalName()).isEqualTo("svg");
      assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
      assertThat(svg.getAttribute("viewBox"))
          .isEqualTo("0 0 " + matrix.getWidth() + " " + matrix.getHeight());
      assertThat(svg.getAttribute("shape-rendering")).isEqualTo("crispEdges");
      assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo(URL);
      Element rect = (Element) svg.getElementsByTagNameNS("*", "rect").item(0);
      assertThat(rect.getAttribute("fill")).isEqualTo("#ffffff");
      assertThat(rect.getAttribute("width")).isEqualTo(String.valueOf(matrix.getWidth()));
      assertThat(svg.getElementsByTagNameNS("*", "path").getLength()).isEqualTo(1);
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void itsSquaresRedrawTheCodesModulesQuietZoneIncluded(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("code.svg");
      QrCodeFile.writeSvg(URL, file, false);
      BitMatrix matrix = QrCodeFile.matrix(URL);

      Element path = (Element) parse(file).getElementsByTagNameNS("*", "path").item(0);
      BitMatrix drawn = squares(path.getAttribute("d"), matrix.getWidth(), matrix.getHeight());

      assertThat(drawn).isEqualTo(matrix);
      for (int i = 0; i < matrix.getWidth(); i++) {
        for (int q = 0; q < QrCodeFile.QUIET_ZONE; q++) {
          assertThat(drawn.get(i, q)).isFalse();
          assertThat(drawn.get(q, i)).isFalse();
        }
      }
      assertThat(drawn.get(QrCodeFile.QUIET_ZONE, QrCodeFile.QUIET_ZONE)).isTrue();
    }

    @Test
    void scansBackToTheSameTextOnceDrawn(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("code.svg");
      QrCodeFile.writeSvg(URL, file, false);
      BitMatrix matrix = QrCodeFile.matrix(URL);
      Element path = (Element) parse(file).getElementsByTagNameNS("*", "path").item(0);
      BitMatrix drawn = squares(path.getAttribute("d"), matrix.getWidth(), matrix.getHeight());

      int scale = 6;
      BufferedImage image =
          new BufferedImage(
              drawn.getWidth() * scale, drawn.getHeight() * scale, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, drawn.get(x / scale, y / scale) ? 0x000000 : 0xffffff);
        }
      }

      assertThat(decode(image).getText()).isEqualTo(URL);
    }

    @Test
    void escapesTheTitle() {
      assertThat(QrCodeFile.svg("https://a.example/r/n/x?a=1&b=<2>"))
          .contains("<title id=\"title\">https://a.example/r/n/x?a=1&amp;b=&lt;2&gt;</title>");
    }
  }

  @Nested
  class Write {

    private List<Path> files(Path dir) throws IOException {
      try (Stream<Path> list = Files.list(dir)) {
        return list.toList();
      }
    }

    @Test
    void refusesAnExistingFileWithoutReplaceLeavingItUnchanged(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("code.png");
      Files.writeString(file, "printed last week");

      assertThatThrownBy(() -> QrCodeFile.writePng(URL, 512, file, false))
          .isInstanceOf(FileAlreadyExistsException.class);

      assertThat(Files.readString(file)).isEqualTo("printed last week");
      assertThat(files(dir)).containsExactly(file);
    }

    @Test
    void replacesAnExistingFileWhenAsked(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("code.svg");
      Files.writeString(file, "old");

      QrCodeFile.writeSvg(URL, file, true);

      assertThat(Files.readString(file)).isEqualTo(QrCodeFile.svg(URL));
      assertThat(files(dir)).containsExactly(file);
    }

    @Test
    void leavesNothingBehindWhenTheFolderIsMissing(@TempDir Path dir) {
      Path file = dir.resolve("missing").resolve("code.png");

      assertThatThrownBy(() -> QrCodeFile.writePng(URL, 512, file, false))
          .isInstanceOf(IOException.class);

      assertThat(Files.exists(file)).isFalse();
    }
  }

  @Test
  void theFormatIsTheExtensionInAnyCase() {
    assertThat(QrCodeFile.Format.of(Path.of("a", "code.png"))).isEqualTo(QrCodeFile.Format.PNG);
    assertThat(QrCodeFile.Format.of(Path.of("CODE.PNG"))).isEqualTo(QrCodeFile.Format.PNG);
    assertThat(QrCodeFile.Format.of(Path.of("code.Svg"))).isEqualTo(QrCodeFile.Format.SVG);
    assertThat(QrCodeFile.Format.of(Path.of("code.jpg"))).isNull();
    assertThat(QrCodeFile.Format.of(Path.of("png"))).isNull();
    assertThat(QrCodeFile.Format.of(Path.of("code.png.txt"))).isNull();
  }

  @Test
  void textTooLongForAnyCodeIsBadInput() {
    assertThatThrownBy(() -> QrCodeFile.matrix("x".repeat(5000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long for a QR code");
  }
}
