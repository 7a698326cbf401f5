package org.servicerecords.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicerecords.registry.it.ItNetwork.AUDIT;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE;
import static org.servicerecords.registry.it.ItNetwork.JUSTICE_NS;
import static org.servicerecords.registry.it.ItNetwork.SERVICES;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.servicerecords.registry.cli.RegistryCli;
import org.servicerecords.registry.client.AnchorRequest;
import org.servicerecords.registry.client.RegistryConnection;
import org.servicerecords.registry.model.CertificateRequest;
import org.servicerecords.registry.model.RegistryRecord;
import org.servicerecords.registry.portal.Portal;

/**
 * The portal's pages in a real browser (Debian's headless Chromium, driven by its chromedriver)
 * against the portal on the real network: files hashed in the page by WebCrypto or the streamed
 * worker, verdicts in three languages, revocation, an altered file, a QR code made by the CLI, and
 * keyboard-only use. Each verdict page is saved as a screenshot under {@code build/}.
 */
class PortalBrowserIT {

  private static final String CHROMIUM =
      System.getenv().getOrDefault("REGISTRY_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getenv().getOrDefault("REGISTRY_CHROMEDRIVER", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path files;

  private static RegistryConnection justiceIssuer;
  private static RegistryConnection publicVerifier;
  private static List<RegistryConnection> readers;
  private static Portal portal;

  private static Path validFile;
  private static Path alteredFile;
  private static RegistryRecord validRecord;

  private WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    justiceIssuer = ItNetwork.connect(JUSTICE, "issuer1");
    publicVerifier = PortalNetwork.publicVerifier();
    readers =
        List.of(
            ItNetwork.connect(JUSTICE, "verifier1"),
            ItNetwork.connect(SERVICES, "verifier1"),
            ItNetwork.connect(AUDIT, "verifier1"));
    validFile = write("birth-certificate.txt", document("birth certificate"));
    alteredFile = files.resolve("birth-certificate-altered.txt");
    byte[] altered = Files.readAllBytes(validFile);
    altered[altered.length / 2] ^= 0x01;
    Files.write(alteredFile, altered);
    validRecord = anchor("portal-bc", validFile);
    portal = Portal.builder(publicVerifier).port(0).build().start();
  }

  @AfterAll
  static void stop() {
    if (portal != null) {
      portal.close();
    }
    justiceIssuer.close();
    publicVerifier.close();
    readers.forEach(RegistryConnection::close);
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
        "--window-size=1100,1300");
    // The system's chromedriver, never one Selenium would look up or download; quit() stops it.
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(driver, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** The VALID heading in each language, as a citizen reads it. */
  private static final Map<String, String> VALID_HEADINGS =
      Map.of(
          "en", "Valid: this document is authentic and in force",
          "ru", "Действителен: документ подлинный и действует",
          "uz", "Haqiqiy: bu hujjat asl va amal qilmoqda");

  @Test
  void aValidFileIsValidInEachLanguage() throws Exception {
    Map<String, String> headings = new HashMap<>();
    for (String language : List.of("en", "ru", "uz")) {
      browser.get(page("/?lang=" + language));
      chooseFile(validFile);
      WebElement verdict = awaitVerdict("VALID");
      assertThat(htmlLang()).startsWith(language);
      assertThat(card(validRecord.id()).getText()).contains(validRecord.id(), validRecord.txId());
      assertThat(browser.findElement(By.id("attested-by")).getText()).isNotBlank();
      headings.put(language, verdict.findElement(By.id("verdict-heading")).getText());
      screenshot("valid-" + language);
    }
    assertThat(headings.values())
        .doesNotHaveDuplicates()
        .allSatisfy(h -> assertThat(h).isNotBlank());
  }

  @Test
  void theSameFileAfterRevocationIsRevokedWithItsReason() throws Exception {
    Path file = write("licence-revoked.txt", document("licence to revoke"));
    RegistryRecord record = anchor("portal-revoked", file);
    browser.get(page("/?lang=en"));
    chooseFile(file);
    awaitVerdict("VALID");

    RegistryRecord revoked = justiceIssuer.registryClient().revoke(record.id(), "ISSUED_IN_ERROR");
    ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, record.id(), revoked.txId());
    browser.get(page("/?lang=en"));
    chooseFile(file);

    awaitVerdict("REVOKED");
    String reason = card(record.id()).findElement(By.className("revocation-reason")).getText();
    assertThat(reason.toLowerCase()).contains("error").doesNotContain("ISSUED_IN_ERROR");
    // When: the revocation's time, in the page's words and date format.
    assertThat(card(record.id()).getText())
        .contains("Revoked on")
        .contains(
            String.valueOf(
                Instant.parse(revoked.revocation().revokedAt()).atZone(ZoneOffset.UTC).getYear()));
    screenshot("revoked-en");
  }

  @Test
  void aSupersededFileLinksToTheRecordInForce() throws Exception {
    Path first = write("licence-v1.txt", document("licence, first issue"));
    Path second = write("licence-v2.txt", document("licence, corrected"));
    RegistryRecord old = anchor("portal-v1", first);
    RegistryRecord replacement =
        justiceIssuer
            .registryClient()
            .supersede(
                old.id(),
                AnchorRequest.of(
                    new CertificateRequest(
                        ItNetwork.id("portal-v2"),
                        "BIRTH_CERTIFICATE",
                        sha256(Files.readAllBytes(second)),
                        ItNetwork.newSubjectRef(),
                        "2020-01-01T00:00:00Z",
                        null,
                        null,
                        null)));
    ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, replacement.id(), replacement.txId());
    ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, old.id(), replacement.txId());

    browser.get(page("/?lang=en"));
    chooseFile(first);
    awaitVerdict("SUPERSEDED");
    screenshot("superseded-en");
    card(old.id()).findElement(By.className("current-record-link")).click();

    awaitVerdict("VALID");
    assertThat(browser.getCurrentUrl()).contains("/r/" + JUSTICE_NS + "/" + replacement.id());
    assertThat(card(replacement.id()).getAttribute("data-verdict")).isEqualTo("VALID");
  }

  @Test
  void aFileWithOneByteChangedIsUnknown() throws Exception {
    browser.get(page("/?lang=en"));
    chooseFile(alteredFile);

    awaitVerdict("UNKNOWN");
    assertThat(browser.findElements(By.cssSelector("article.record"))).isEmpty();
    assertThat(hashShown()).isEqualTo(sha256(Files.readAllBytes(alteredFile)));
    screenshot("unknown-en");
  }

  @Test
  void aQrCodeMadeByTheCliOpensTheRecordsVerdictPage() throws Exception {
    Path png = files.resolve("qr-" + validRecord.id() + ".png");
    String portalUrl = "http://127.0.0.1:" + portal.port();
    int exit =
        runCli(
            "--profile",
            ItNetwork.stateDir().resolve("orgs/justice/profile.json").toString(),
            "--identity",
            "verifier1",
            "qr",
            validRecord.id(),
            "--portal-url",
            portalUrl,
            "-o",
            png.toString());
    assertThat(exit).as("registry qr").isZero();

    String decoded = QrCodes.decode(png);
    assertThat(decoded)
        .isEqualTo(
            portalUrl
                + "/r/"
                + JUSTICE_NS
                + "/"
                + validRecord.id()
                + "#sha256="
                + validRecord.documentHash());
    browser.get(decoded);

    awaitVerdict("VALID");
    assertThat(card(validRecord.id()).getAttribute("data-verdict")).isEqualTo("VALID");
    assertThat(browser.findElement(By.id("qr-hash-check")).getAttribute("data-match"))
        .isEqualTo("true");
    screenshot("record-page-from-qr");

    chooseFile(validFile);
    awaitAttribute(By.id("file-compare"), "data-match", "true");
    chooseFile(alteredFile);
    awaitAttribute(By.id("file-compare"), "data-match", "false");
  }

  @Test
  void aQrCodeForAnotherDocumentIsNoticed() {
    String otherHash = ItNetwork.newHash();
    browser.get(page("/r/" + JUSTICE_NS + "/" + validRecord.id() + "#sha256=" + otherHash));

    awaitVerdict("VALID");
    awaitAttribute(By.id("qr-hash-check"), "data-match", "false");
  }

  @Test
  void emptyAndFiftyMegabyteFilesAreHashedInThePage() throws Exception {
    Path empty = write("empty.bin", new byte[0]);
    // 50 MiB and 55 bytes: the streamed hash ends in a partial slice and a partial block.
    byte[] big = new byte[50 * 1024 * 1024 + 55];
    new Random(42).nextBytes(big);
    System.arraycopy(
        ItNetwork.RUN.getBytes(StandardCharsets.UTF_8), 0, big, 0, ItNetwork.RUN.length());
    Path fifty = write("fifty-megabytes.bin", big);
    anchor("portal-empty", empty);
    anchor("portal-50mb", fifty);

    browser.get(page("/?lang=en"));
    chooseFile(empty);
    awaitVerdict("VALID");
    assertThat(hashShown())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    browser.get(page("/?lang=en"));
    chooseFile(fifty);
    awaitVerdict("VALID");
    assertThat(hashShown()).isEqualTo(sha256(big));
  }

  @Test
  void keyboardOnlyUseReachesTheVerdict() throws Exception {
    browser.get(page("/?lang=en"));
    WebElement fileInput = browser.findElement(By.id("file-input"));
    WebElement focused = tabUntil(fileInput, 30);
    // The operating system's file dialog is not part of the page: Selenium fills the focused input.
    focused.sendKeys(validFile.toString());

    awaitVerdict("VALID");
    assertThat(activeId()).isEqualTo("verdict-heading");

    WebElement at = tabUntil(browser.findElement(By.id("at-input")), 40);
    // A datetime field is typed segment by segment; Tab moves from the year to the hour.
    new Actions(browser).sendKeys("01012019").sendKeys(Keys.TAB).sendKeys("1200P").perform();
    assertThat(at.getDomProperty("value")).isEqualTo("2019-01-01T12:00");
    WebElement check = tabUntil(browser.findElement(By.id("at-check")), 10);
    check.sendKeys(Keys.ENTER);
    awaitVerdict("NOT_YET_VALID");
    screenshot("not-yet-valid-keyboard-en");
  }

  @Test
  void aMalformedRecordAddressShowsAClearError() {
    browser.get(page("/r/" + JUSTICE_NS + "/bad%20id?lang=en"));

    WebElement error =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    assertThat(error.getAttribute("data-code")).isEqualTo("INVALID_ID");
    assertThat(error.getText()).isNotBlank().doesNotContain("Exception");
  }

  @Test
  void aPhoneSizedScreenHasNoHorizontalScroll() throws Exception {
    browser.manage().window().setSize(new Dimension(360, 800));
    browser.get(page("/r/" + JUSTICE_NS + "/" + validRecord.id() + "?lang=uz"));
    awaitVerdict("VALID");

    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(overflow).isEqualTo(Boolean.FALSE);
    screenshot("record-page-phone-uz");
  }

  // --- helpers ---

  private static String page(String path) {
    return "http://127.0.0.1:" + portal.port() + path;
  }

  private void chooseFile(Path file) {
    browser.findElement(By.id("file-input")).sendKeys(file.toString());
  }

  private WebElement awaitVerdict(String verdict) {
    try {
      return new WebDriverWait(browser, WAIT)
          .until(
              d -> {
                WebElement section = d.findElement(By.id("verdict"));
                String busy = section.getAttribute("aria-busy");
                boolean settled = busy == null || "false".equals(busy);
                return settled && verdict.equals(section.getAttribute("data-verdict"))
                    ? section
                    : null;
              });
    } catch (TimeoutException e) {
      try {
        screenshot("failed-waiting-for-" + verdict);
      } catch (IOException | RuntimeException ignored) {
        // the timeout is the failure to report
      }
      throw new AssertionError(
          "no " + verdict + " verdict within " + WAIT + "; the page shows: " + pageText(), e);
    }
  }

  private String pageText() {
    return browser.findElement(By.tagName("main")).getText().replace('\n', ' ');
  }

  private void awaitAttribute(By locator, String attribute, String value) {
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.attributeToBe(locator, attribute, value));
  }

  private WebElement card(String recordId) {
    return browser.findElement(By.cssSelector("article.record[data-record-id='" + recordId + "']"));
  }

  private String hashShown() {
    return browser.findElement(By.id("document-hash")).getAttribute("data-sha256");
  }

  private String htmlLang() {
    return browser.findElement(By.tagName("html")).getAttribute("lang");
  }

  private String activeId() {
    return browser.switchTo().activeElement().getAttribute("id");
  }

  /** Presses Tab until the element has the focus; fails if it is not reached in so many presses. */
  private WebElement tabUntil(WebElement target, int presses) {
    Actions keys = new Actions(browser);
    for (int i = 0; i < presses; i++) {
      WebElement active = browser.switchTo().activeElement();
      if (active.equals(target)) {
        return active;
      }
      keys.sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError(
        "#" + target.getAttribute("id") + " not reached with " + presses + " Tab presses");
  }

  private void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("portal.screenshots", "target/portal-screenshots"));
    Files.createDirectories(dir);
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static RegistryRecord anchor(String prefix, Path file) throws Exception {
    RegistryRecord record =
        justiceIssuer
            .registryClient()
            .anchorCertificate(
                AnchorRequest.of(
                    new CertificateRequest(
                        ItNetwork.id(prefix),
                        "BIRTH_CERTIFICATE",
                        sha256(Files.readAllBytes(file)),
                        ItNetwork.newSubjectRef(),
                        "2020-01-01T00:00:00Z",
                        null,
                        null,
                        null)))
            .record();
    ItNetwork.awaitOnEveryPeer(readers, JUSTICE_NS, record.id(), record.txId());
    return record;
  }

  private static byte[] document(String what) {
    return ("DEMONSTRATION DOCUMENT: " + what + ", fictitious, run " + ItNetwork.RUN + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Path write(String name, byte[] content) throws IOException {
    Path file = files.resolve(name);
    Files.write(file, content);
    return file;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static int runCli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    int exit =
        RegistryCli.run(
            all.toArray(String[]::new),
            System.getenv(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      System.err.println(err.toString(StandardCharsets.UTF_8));
    }
    return exit;
  }
}
