package io.localsam.template;

/** The proxy event version a route sends: 1.0 for REST (and HTTP when asked), 2.0 for HTTP APIs. */
public enum PayloadFormat {
  V1("1.0"),
  V2("2.0");

  private final String version;

  PayloadFormat(String version) {
    this.version = version;
  }

  public String version() {
    return version;
  }
}
