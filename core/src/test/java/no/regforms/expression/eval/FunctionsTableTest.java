package no.regforms.expression.eval;

import static org.assertj.core.api.Assertions.assertThat;

import no.regforms.expression.Builtin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FunctionsTableTest {

  @ParameterizedTest
  @EnumSource(Builtin.class)
  void table_everyBuiltin_hasAPlan(Builtin function) {
    assertThat(Functions.table().entry(function)).as(function.usage()).isPresent();
  }
}
