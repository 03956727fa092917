package dev.tta.alertrouter.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {
  private static boolean in(String cidr, String address) throws Exception {
    return Cidr.parse(cidr).contains(InetAddress.getByName(address));
  }

  @Test
  void matchesByPrefix() throws Exception {
    assertTrue(in("10.0.0.0/8", "10.255.1.2"));
    assertFalse(in("10.0.0.0/8", "11.0.0.1"));
    assertTrue(in("192.168.4.0/22", "192.168.7.255"));
    assertFalse(in("192.168.4.0/22", "192.168.8.0"));
    assertTrue(in("127.0.0.1", "127.0.0.1"));
    assertFalse(in("127.0.0.1", "127.0.0.2"));
    assertTrue(in("fd00::/8", "fd12::1"));
    assertFalse(in("fd00::/8", "10.0.0.1"), "no match across address families");
    assertTrue(in("0.0.0.0/0", "8.8.8.8"));
  }

  @Test
  void refusesHostNamesAndBadPrefixes() {
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("proxy.internal/32"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("::1/129"));
  }
}
