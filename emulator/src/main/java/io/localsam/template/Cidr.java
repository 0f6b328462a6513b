package io.localsam.template;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Fn::Cidr} for IPv4: {@code count} consecutive subnets of {@code 2^hostBits} addresses from
 * the block's start.
 */
final class Cidr {
  private Cidr() {}

  /** The subnets, or {@code null} when the block is not IPv4 or the numbers do not fit. */
  static List<Object> subnets(String block, Integer count, Integer hostBits) {
    String[] parts = block.split("/");
    if (parts.length != 2 || count == null || hostBits == null || count < 1 || count > 256) {
      return null;
    }
    String[] octets = parts[0].split("\\.");
    Integer prefix = Scalars.integer(parts[1]);
    if (octets.length != 4
        || prefix == null
        || prefix < 0
        || prefix > 32
        || hostBits < 0
        || hostBits > 32 - prefix) {
      return null;
    }
    long address = 0;
    for (String octet : octets) {
      Integer value = Scalars.integer(octet);
      if (value == null || value < 0 || value > 255) {
        return null;
      }
      address = (address << 8) | value;
    }
    long size = 1L << hostBits;
    long start = prefix == 0 ? 0 : address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    long end = start + (1L << (32 - prefix));
    if (start + size * count > end) {
      return null;
    }
    List<Object> subnets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long subnet = start + size * i;
      subnets.add(
          ((subnet >> 24) & 255)
              + "."
              + ((subnet >> 16) & 255)
              + "."
              + ((subnet >> 8) & 255)
              + "."
              + (subnet & 255)
              + "/"
              + (32 - hostBits));
    }
    return subnets;
  }
}
