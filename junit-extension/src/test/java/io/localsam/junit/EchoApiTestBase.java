package io.localsam.junit;

/** A base class that configures the API for its subclasses; see {@link InheritedAnnotationTest}. */
@LocalApi(template = Fixtures.ECHO, parameters = "Greeting=inherited")
abstract class EchoApiTestBase {}
