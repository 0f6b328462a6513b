package io.localsam.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.jar.JarEntry;

/**
 * Files LocalSAM carries inside its own jar (AWS's serializer, AWS's runtime interface client) or
 * makes at run time, as files on disk that a class loader or a child JVM can open. A resource is
 * used in place when LocalSAM runs from a folder (tests, an IDE); otherwise it is copied once into
 * the temp folder and reused by later runs, named by LocalSAM's version and the jar entry's CRC-32
 * and size, which the jar's directory holds: finding the copy costs no unpacking or hashing, which
 * every child JVM's Init would pay (35-45 ms for the 3.8 MB serializer on a busy 2-core machine,
 * far more for a SHA-256 in a C1-only JVM). Content made at run time is named by its hash. Each
 * copy is written under a temporary name and moved into place, so two LocalSAMs starting at once
 * each see a whole file.
 */
public final class EmbeddedFiles {
  private EmbeddedFiles() {}

  /**
   * The resource {@code name} (beside {@code anchor}'s class file, or from the root when it starts
   * with /) as a file.
   */
  public static Path resource(Class<?> anchor, String name) {
    URL resource = anchor.getResource(name);
    if (resource == null) {
      throw new IllegalStateException(
          name + " is missing from LocalSAM's build; rebuild with Maven");
    }
    try {
      if (resource.getProtocol().equals("file")) {
        return Path.of(resource.toURI());
      }
      String fileName = name.substring(name.lastIndexOf('/') + 1);
      if (resource.openConnection() instanceof JarURLConnection jar) {
        JarEntry entry = jar.getJarEntry();
        Path copy =
            Path.of(System.getProperty("java.io.tmpdir"))
                .resolve(
                    "localsam-"
                        + BuildInfo.version()
                        + "-"
                        + Long.toHexString(entry.getCrc())
                        + "-"
                        + entry.getSize()
                        + "-"
                        + fileName);
        if (!Files.isRegularFile(copy) || Files.size(copy) != entry.getSize()) {
          try (InputStream in = resource.openStream()) {
            write(copy, in.readAllBytes());
          }
        }
        return copy;
      }
      try (InputStream in = resource.openStream()) {
        return cached(fileName, in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + name + ": " + e, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code bytes} as a file named after {@code name} in the temp folder, written there unless an
   * equal copy already is.
   */
  public static Path cached(String name, byte[] bytes) throws IOException {
    Path copy =
        Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("localsam-" + BuildInfo.version() + "-" + hash(bytes) + "-" + name);
    if (!sameContent(copy, bytes)) {
      write(copy, bytes);
    }
    return copy;
  }

  /** Written under a temporary name and moved into place: a reader never sees half a file. */
  private static void write(Path copy, byte[] bytes) throws IOException {
    Path partial = Files.createTempFile(copy.getParent(), "localsam-", ".partial");
    try {
      Files.write(partial, bytes);
      Files.move(
          partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  // Checked, not trusted: the temp folder may be shared, and a half-written file from an older
  // LocalSAM may be there.
  private static boolean sameContent(Path file, byte[] bytes) throws IOException {
    return Files.isRegularFile(file)
        && Files.size(file) == bytes.length
        && Arrays.equals(Files.readAllBytes(file), bytes);
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
