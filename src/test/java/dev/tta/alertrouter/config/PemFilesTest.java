package dev.tta.alertrouter.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private keys in the PEM forms Go's tls.LoadX509KeyPair reads. */
class PemFilesTest {
  @TempDir Path dir;

  private Path pem(String type, byte[] der) throws Exception {
    return Files.writeString(dir.resolve("key.pem"), "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n");
  }

  @Test
  void readsPkcs1RsaKeys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair keys = g.generateKeyPair();
    byte[] pkcs1 = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();

    assertArrayEquals(keys.getPrivate().getEncoded(), PemFiles.privateKey(pem("RSA PRIVATE KEY", pkcs1)).getEncoded());
  }

  @Test
  void readsSec1EcKeysNamingTheirCurve() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp384r1"));
    KeyPair keys = g.generateKeyPair();
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
    byte[] sec1 = new ECPrivateKey(384, ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
        info.getPrivateKeyAlgorithm().getParameters()).getEncoded();

    assertEquals(((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
        ((java.security.interfaces.ECPrivateKey) PemFiles.privateKey(pem("EC PRIVATE KEY", sec1))).getS());
  }

  @Test
  void anEncryptedKeyIsRefusedWithoutQuotingIt() throws Exception {
    Path file = pem("ENCRYPTED PRIVATE KEY", new byte[] {48, 3, 2, 1, 0});
    PemFiles.PemException e = assertThrows(PemFiles.PemException.class, () -> PemFiles.privateKey(file));
    assertEquals("the private key in \"" + file + "\" is encrypted; give an unencrypted key, as Prometheus needs", e.getMessage());
  }
}
