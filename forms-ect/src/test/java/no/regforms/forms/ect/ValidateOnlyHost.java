package no.regforms.forms.ect;

import java.nio.file.Files;
import java.nio.file.Path;
import no.regforms.RegistryEngine;
import no.regforms.validation.ValidationResult;

/**
 * A host that only validates, run by {@link ValidateOnlyEmbedderTest} in its own JVM on exactly the
 * classpath Maven gives a project that depends on this module: it validates the record in the file
 * {@code args[0]}, prints the issues' JSON form, then says what rendering answers without Velocity.
 */
final class ValidateOnlyHost {

  private ValidateOnlyHost() {}

  public static void main(String[] args) throws Exception {
    RegistryEngine ect = RegistryEngine.loadModule("ect").warmUp();
    ValidationResult result = ect.validate(Files.readString(Path.of(args[0])));
    System.out.println(result.diagnostics().toJson("en"));
    try {
      ect.renderPage("course", "nb");
      System.out.println("rendered");
    } catch (IllegalStateException e) {
      System.out.println(e.getMessage());
    }
  }
}
