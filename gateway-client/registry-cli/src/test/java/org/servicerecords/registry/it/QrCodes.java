package org.servicerecords.registry.it;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reading back the QR codes `registry qr` writes, as a phone's scanner would (ZXing). */
final class QrCodes {

  private QrCodes() {}

  /** The text of the QR code in a PNG file. */
  static String decode(Path png) throws Exception {
    return new MultiFormatReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(png.toFile())))),
            Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)))
        .getText();
  }
}
