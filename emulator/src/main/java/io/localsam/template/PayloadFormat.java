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

  /**
   * {@code "1.0"} or {@code "2.0"} as a template writes it; anything else is an error at {@code
   * where}, naming {@code what}.
   */
  static PayloadFormat parse(Object value, String what, SourceLocation where) {
    String text = Scalars.text(value);
    return switch (text) {
      case "1.0" -> V1;
      case "2.0" -> V2;
      default ->
          throw TemplateException.at(
              where, what + " must be \"1.0\" or \"2.0\", not '" + text + "'");
    };
  }
}
