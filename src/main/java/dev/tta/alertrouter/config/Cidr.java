package dev.tta.alertrouter.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/** An address range such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a range of one. */
public record Cidr(byte[] network, int prefixLength, String text) {
  public Cidr {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(text, "text");
    network = network.clone();
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
  }

  /** Parses {@code address/prefix}; only literal addresses, never a host name (no DNS lookup). */
  public static Cidr parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    if (!address.matches("[0-9A-Fa-f:.]+") || address.isEmpty()) {
      throw new IllegalArgumentException("expected an address range such as 10.0.0.0/8, found \"" + text + "\"");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("expected an address range such as 10.0.0.0/8, found \"" + text + "\"");
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a prefix length after \"/\", found \"" + text + "\"");
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("prefix length " + prefix + " out of range in \"" + text + "\"");
      }
    }
    return new Cidr(bytes, prefix, t);
  }

  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (network[full] & mask);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefixLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
