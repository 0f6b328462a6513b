package io.localsam.gateway;

import io.localsam.error.LocalSamException;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.Resource;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.server.handlers.resource.ResourceManager;
import io.undertow.util.ETag;
import java.io.File;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * SAM CLI's {@code --static-dir}: files of one folder served at {@code /} for GET and HEAD requests
 * that no route takes, by Undertow's resource handling: streamed from disk (any size), with ranges,
 * {@code ETag}, {@code Last-Modified} and a content type by extension. No directory listings, and
 * nothing whose real path, links resolved, lies outside the folder's real path: a link to another
 * file of the folder is served, a link out of it is not there.
 */
final class StaticFiles {
  private final Path root;
  private final ResourceManager files;
  private final ResourceHandler handler;

  StaticFiles(Path folder) {
    this.root = folder.toAbsolutePath().normalize();
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new LocalSamException(
          "Cannot serve static files from " + root + ": " + e.getMessage(), e);
    }
    // A link is followed only when its target's real path starts with the folder's real path plus a
    // separator: without the separator, /srv/public would let in /srv/public-secrets.
    this.files =
        PathResourceManager.builder()
            .setBase(realRoot)
            .setFollowLinks(true)
            .setSafePaths(
                new String[] {
                  realRoot.toString().endsWith(File.separator)
                      ? realRoot.toString()
                      : realRoot + File.separator
                })
            .setETagFunction(StaticFiles::etag)
            .build();
    this.handler = new ResourceHandler(files).setDirectoryListingEnabled(false).setWelcomeFiles();
  }

  Path root() {
    return root;
  }

  /**
   * The folder-relative path of the file a request names ({@code /css/site.css}), or null when
   * there is none: not GET or HEAD, not a readable regular file, or outside the folder (by {@code
   * ..} or by a link).
   */
  String find(String method, String rawPath) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return null;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (decoded.indexOf('\0') >= 0) {
      return null;
    }
    try {
      Resource resource = files.getResource(decoded);
      Path file = resource == null ? null : resource.getFilePath();
      // a regular file only: a folder has no listing, and reading a pipe or device would hold a
      // worker
      return file != null && Files.isRegularFile(file) && Files.isReadable(file) ? decoded : null;
    } catch (IOException e) {
      return null; // unreadable: as if it were not there
    }
  }

  /**
   * Sends the file {@link #find} found, or the part a {@code Range} asks for; the handler moves to
   * a worker thread, as reading a file blocks, and streams it in buffers.
   */
  void send(HttpServerExchange exchange, String path) throws Exception {
    exchange.setRelativePath(
        path); // the handler reads this path, and the server does not decode URLs
    handler.handleRequest(exchange);
  }

  /** A strong tag from the size and modification time: it changes whenever either does. */
  private static ETag etag(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new ETag(
          false,
          Long.toHexString(attributes.size())
              + "-"
              + Long.toHexString(attributes.lastModifiedTime().toMillis()));
    } catch (IOException e) {
      return null; // gone meanwhile: served without a tag, or not at all
    }
  }
}
