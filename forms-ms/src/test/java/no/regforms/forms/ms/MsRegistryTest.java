package no.regforms.forms.ms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.regforms.definition.DefinitionLoader;
import no.regforms.definition.Form;
import no.regforms.definition.LoadResult;
import no.regforms.definition.Registry;
import no.regforms.registrytest.RegistryTestReport;
import no.regforms.testing.RegistryModuleChecks;
import org.junit.jupiter.api.Test;

/**
 * The MS registry loads clean both as a definition module (by id) and from its folder, and its own
 * tests pass.
 */
class MsRegistryTest {

  static final Path FOLDER = Path.of("src/main/resources/registries/ms");

  @Test
  void load_byId_isFoundThroughServiceLoaderAndClean() {
    assertThat(DefinitionLoader.module("ms")).get().isInstanceOf(MsModule.class);

    LoadResult result = DefinitionLoader.create().loadModule("ms");

    assertThat(result.diagnostics().issues()).as(result.diagnostics().toDisplayString()).isEmpty();
    assertCounts(result.registryOrThrow());
  }

  @Test
  void load_fromFolder_isCleanAndSameAsModule() {
    LoadResult result = DefinitionLoader.create().load(FOLDER);

    assertThat(result.diagnostics().issues()).as(result.diagnostics().toDisplayString()).isEmpty();
    Registry registry = result.registryOrThrow();
    assertCounts(registry);
    assertThat(registry.forms().keySet())
        .containsExactlyElementsOf(
            DefinitionLoader.create().loadModule("ms").registryOrThrow().forms().keySet());
  }

  @Test
  void test_ownTests_allCasesHold() {
    Registry registry = DefinitionLoader.create().loadModule("ms").registryOrThrow();

    RegistryTestReport report = RegistryModuleChecks.assertOwnTestsPass(registry, FOLDER);

    assertThat(report.cases()).isGreaterThanOrEqualTo(30);
  }

  /**
   * Variables of a form, those inside repeat groups included, as {@code ./regforms check} counts
   * them.
   */
  private static int variables(Form form) {
    return form.variables().size()
        + form.repeats().values().stream().mapToInt(r -> r.variables().size()).sum();
  }

  /** The figures the module README states (and {@code ./regforms check ms} prints). */
  private static void assertCounts(Registry registry) {
    assertThat(registry.id()).isEqualTo("ms");
    assertThat(registry.forms().keySet())
        .containsExactly("inclusion", "followup", "msis29", "rand12");
    assertThat(variables(registry.forms().get("inclusion"))).isEqualTo(24);
    assertThat(variables(registry.forms().get("followup"))).isEqualTo(31);
    assertThat(variables(registry.forms().get("msis29"))).isEqualTo(32);
    assertThat(variables(registry.forms().get("rand12"))).isEqualTo(15);
    assertThat(registry.variableCount()).isEqualTo(102);
    assertThat(registry.codeLists()).hasSize(22);
    assertThat(registry.indicators()).hasSize(14);
  }
}
