package no.regforms.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;
import no.regforms.render.FormRenderer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real codebook, once imported, renders as forms: the import is usable end to end. */
class ImportedRegistryRenderTest {

  @TempDir Path temp;

  static Stream<Arguments> codebooks() {
    return Stream.of(
        Arguments.of(CodebookFormat.OPENQREG, "openqreg/NoRGast_klokeboken_2020-04-28.csv"),
        Arguments.of(CodebookFormat.MRS, "mrs/Kodebok_NordicScir.xlsx"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/longitudinal.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/clinical-trial-1.csv"),
        Arguments.of(CodebookFormat.REDCAP, "redcap/repeating-instruments.csv"));
  }

  @ParameterizedTest
  @MethodSource("codebooks")
  void render_importedCodebook_everyFormRendersWithEveryVariable(CodebookFormat format, String file)
      throws IOException {
    Registry registry =
        ImportFixtures.importInto(temp.resolve("registry"), format, file).registry();
    FormRenderer renderer = FormRenderer.create();

    assertThat(registry.forms()).isNotEmpty();
    for (Form form : registry.forms().values()) {
      String page = renderer.renderPage(registry, form, "nb");

      assertThat(page).startsWith("<!DOCTYPE html>").contains("</html>");
      for (Variable variable : form.variables().values()) {
        assertThat(page)
            .as("%s in form %s", variable.id(), form.id())
            .contains("rf-" + variable.id());
      }
    }
  }
}
