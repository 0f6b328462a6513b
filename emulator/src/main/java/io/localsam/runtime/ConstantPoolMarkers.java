package io.localsam.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tells, from a class file's constant pool alone (no parsing of its methods, no allocation),
 * whether it names one of the given owners together with one of the given method names, or one of
 * the "always" strings. Each is compared only with constant pool strings of its own length.
 */
final class ConstantPoolMarkers {
  private static final int OWNER = 1;
  private static final int NAME = 2;
  private static final int ALWAYS = 4;

  /** Markers by length: the bytes of each, and its kind. */
  private final List<List<byte[]>> byLength = new ArrayList<>();

  private final List<List<Integer>> kinds = new ArrayList<>();

  void owner(String internalName) {
    add(internalName, OWNER);
  }

  void name(String methodName) {
    add(methodName, NAME);
  }

  void always(String text) {
    add(text, ALWAYS);
  }

  private void add(String text, int kind) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    while (byLength.size() <= bytes.length) {
      byLength.add(new ArrayList<>());
      kinds.add(new ArrayList<>());
    }
    List<byte[]> same = byLength.get(bytes.length);
    for (byte[] known : same) {
      if (Arrays.equals(known, bytes)) {
        return;
      }
    }
    same.add(bytes);
    kinds.get(bytes.length).add(kind);
  }

  boolean mentionedIn(byte[] classFile) {
    try {
      int found = found(classFile);
      return (found & ALWAYS) != 0 || (found & (OWNER | NAME)) == (OWNER | NAME);
    } catch (ArrayIndexOutOfBoundsException malformed) {
      return true; // let the class file reader (and defineClass) say what is wrong with it
    }
  }

  /** The kinds of marker the constant pool holds. */
  private int found(byte[] c) {
    int count = ((c[8] & 0xff) << 8) | (c[9] & 0xff);
    int found = 0;
    int offset = 10;
    for (int i = 1; i < count; i++) {
      int tag = c[offset];
      switch (tag) {
        case 1 -> { // Utf8
          int length = ((c[offset + 1] & 0xff) << 8) | (c[offset + 2] & 0xff);
          found |= match(c, offset + 3, length);
          offset += 3 + length;
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> offset += 5;
        case 5, 6 -> { // long and double take two entries
          offset += 9;
          i++;
        }
        case 7, 8, 16, 19, 20 -> offset += 3;
        case 15 -> offset += 4;
        default -> throw new ArrayIndexOutOfBoundsException("constant pool tag " + tag);
      }
    }
    return found;
  }

  private int match(byte[] c, int start, int length) {
    if (length >= byLength.size()) {
      return 0;
    }
    List<byte[]> candidates = byLength.get(length);
    int found = 0;
    for (int m = 0; m < candidates.size(); m++) {
      if (Arrays.equals(c, start, start + length, candidates.get(m), 0, length)) {
        found |= kinds.get(length).get(m);
      }
    }
    return found;
  }
}
