package dev.tta.alertrouter.http.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.tta.alertrouter.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks a password against a bcrypt hash. bcrypt is slow on purpose (cost 10 is tens of
 * milliseconds), so a successful check is remembered, as exporter-toolkit does, by a digest of user,
 * hash and password (never the password itself); a changed hash or password misses the cache.
 */
final class PasswordCheck {
  private static final int REMEMBERED = 256;
  private volatile String decoy;

  private final Set<String> verified = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  });

  /** True when {@code password} matches {@code hash}; {@code hash} null for an unknown user (always false). */
  boolean matches(String user, Secret hash, String password) {
    String checked = hash == null ? decoy() : hash.reveal();
    String key = digest(user, checked, password);
    if (hash != null) {
      synchronized (verified) {
        if (verified.contains(key)) {
          return true;
        }
      }
    }
    boolean ok;
    try {
      ok = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
          checked.getBytes(StandardCharsets.UTF_8)).verified;
    } catch (IllegalArgumentException e) {
      ok = false; // an empty password, or one longer than bcrypt's 72 bytes: no hash matches it
    }
    if (ok && hash != null) {
      synchronized (verified) {
        verified.add(key);
      }
      return true;
    }
    return false;
  }

  /** Checked when the user is unknown, so that timing does not tell which users exist. */
  private String decoy() {
    String d = decoy;
    if (d == null) {
      d = BCrypt.withDefaults().hashToString(10, "decoy".toCharArray());
      decoy = d;
    }
    return d;
  }

  private static String digest(String user, String hash, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {user, hash, password}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
