package no.regforms.expression.js;

import static org.assertj.core.api.Assertions.assertThat;

import no.regforms.expression.Builtin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JavaScriptEmitterTableTest {

  @ParameterizedTest
  @EnumSource(Builtin.class)
  void table_everyBuiltin_hasAJavaScriptForm(Builtin function) {
    assertThat(JavaScriptEmitter.table().entry(function)).as(function.usage()).isPresent();
  }
}
