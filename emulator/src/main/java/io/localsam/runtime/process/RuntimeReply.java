package io.localsam.runtime.process;

/**
 * What a runtime posted back: a response, or an error document with its error type.
 *
 * @param errorType the error type the runtime reported, or null for a response
 */
public record RuntimeReply(byte[] payload, String errorType) {
  static final RuntimeReply READY = new RuntimeReply(new byte[0], null);

  public boolean failed() {
    return errorType != null;
  }
}
