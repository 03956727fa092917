package dev.tta.alertrouter.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and keys as Go's {@code tls.LoadX509KeyPair} does: a certificate chain,
 * and an unencrypted key in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC 1
 * ({@code EC PRIVATE KEY}) form that must belong to the first certificate. Messages never quote a
 * key.
 */
final class PemFiles {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
  private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
  private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

  /** What was wrong, for the error message; never holds key material. */
  static final class PemException extends Exception {
    PemException(String message) {
      super(message);
    }
  }

  private PemFiles() {}

  static List<X509Certificate> certificates(Path file) throws IOException, PemException {
    byte[] content = Files.readAllBytes(file);
    if (!new String(content, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
      throw new PemException("no PEM certificate in \"" + file + "\"");
    }
    try {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content));
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : certs) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new PemException("no PEM certificate in \"" + file + "\"");
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new PemException("not a valid PEM certificate in \"" + file + "\"");
    }
  }

  static PrivateKey privateKey(Path file) throws IOException, PemException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      if (!type.endsWith("PRIVATE KEY")) {
        continue;
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(m.group(2));
      } catch (IllegalArgumentException e) {
        throw new PemException("the private key in \"" + file + "\" is not valid base64");
      }
      return switch (type) {
        case "PRIVATE KEY" -> pkcs8(der, file);
        case "RSA PRIVATE KEY" -> pkcs8(sequence(concat(new byte[] {2, 1, 0}, RSA_ALGORITHM, octetString(der))), file);
        case "EC PRIVATE KEY" -> pkcs8(sequence(concat(new byte[] {2, 1, 0},
            sequence(concat(EC_PUBLIC_KEY_OID, curveOf(der, file))), octetString(der))), file);
        case "ENCRYPTED PRIVATE KEY" -> throw new PemException(
            "the private key in \"" + file + "\" is encrypted; give an unencrypted key, as Prometheus needs");
        default -> throw new PemException("unsupported key type \"" + type + "\" in \"" + file + "\"");
      };
    }
    throw new PemException("no PEM private key in \"" + file + "\"");
  }

  /** The chain and key as a key store, after checking that the key belongs to the certificate. */
  static KeyStore keyStore(List<X509Certificate> chain, PrivateKey key, Path keyFile) throws PemException {
    if (!belongTogether(key, chain.get(0).getPublicKey())) {
      throw new PemException("the private key in \"" + keyFile + "\" does not match the certificate");
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", key, TlsServerSettings.KEY_STORE_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new PemException("cannot use the key in \"" + keyFile + "\": " + e.getClass().getSimpleName());
    }
  }

  static KeyStore trustStore(List<X509Certificate> cas) throws PemException {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < cas.size(); i++) {
        ks.setCertificateEntry("ca-" + i, cas.get(i));
      }
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new PemException("cannot use the client CAs: " + e.getClass().getSimpleName());
    }
  }

  private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      return true;
    }
    try {
      byte[] probe = "alert-router key pair check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PrivateKey pkcs8(byte[] der, Path file) throws PemException {
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new PemException("the private key in \"" + file + "\" is not an RSA, EC or Ed25519 key");
  }

  /** The curve's OID from SEC 1's {@code ECPrivateKey}: SEQUENCE { INTEGER 1, OCTET STRING, [0] OID, ... }. */
  private static byte[] curveOf(byte[] sec1, Path file) throws PemException {
    try {
      int[] seq = header(sec1, 0);
      int pos = seq[0];
      int end = seq[0] + seq[1];
      while (pos < end) {
        int tag = sec1[pos] & 0xff;
        int[] h = header(sec1, pos);
        if (tag == 0xa0) {
          int[] oid = header(sec1, h[0]);
          byte[] out = new byte[oid[0] + oid[1] - h[0]];
          System.arraycopy(sec1, h[0], out, 0, out.length);
          return out;
        }
        pos = h[0] + h[1];
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      // reported below
    }
    throw new PemException("the EC private key in \"" + file + "\" does not name its curve;"
        + " convert it with openssl pkcs8 -topk8 -nocrypt");
  }

  /** {content start, content length} of the DER element at {@code pos}. */
  private static int[] header(byte[] der, int pos) {
    int len = der[pos + 1] & 0xff;
    int start = pos + 2;
    if (len > 0x80) {
      int n = len & 0x7f;
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (der[start + i] & 0xff);
      }
      start += n;
    }
    return new int[] {start, len};
  }

  private static byte[] sequence(byte[] content) {
    return tagged(0x30, content);
  }

  private static byte[] octetString(byte[] content) {
    return tagged(0x04, content);
  }

  private static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len & 0xff);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write((len >> 8) & 0xff);
      out.write(len & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
