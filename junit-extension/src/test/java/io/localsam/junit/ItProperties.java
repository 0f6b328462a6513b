package io.localsam.junit;

/** The system properties failsafe gives the ITs (see this module's pom.xml). */
final class ItProperties {

  private ItProperties() {}

  static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set: run the ITs through Maven (mvn verify)");
    }
    return value;
  }
}
