package no.regforms.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FunctionTableTest {

  @Test
  void build_functionWithoutEntryOrReason_failsNamingIt() {
    FunctionTable.Builder<String> builder = FunctionTable.<String>builder("SQL");
    Arrays.stream(Builtin.values())
        .filter(b -> b != Builtin.MATCHES && b != Builtin.ANY)
        .forEach(b -> builder.put(b, "x"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SQL has no entry and no declared refusal for [MATCHES, ANY]");
  }

  @Test
  void build_refusedFunction_hasNoEntryAndKeepsItsReason() {
    FunctionTable.Builder<String> builder =
        FunctionTable.<String>builder("SQL")
            .refuse("no linear-time regular expressions", Builtin.MATCHES);
    Arrays.stream(Builtin.values())
        .filter(b -> b != Builtin.MATCHES)
        .forEach(b -> builder.put(b, "x"));
    FunctionTable<String> table = builder.build();

    assertThat(table.entry(Builtin.MATCHES)).isEmpty();
    assertThat(table.refusal(Builtin.MATCHES)).contains("no linear-time regular expressions");
    assertThat(table.entry(Builtin.ABS)).contains("x");
    assertThat(table.refusal(Builtin.ABS)).isEmpty();
    assertThatThrownBy(() -> table.require(Builtin.MATCHES))
        .hasMessageContaining("SQL cannot express matches(");
  }

  @Test
  void builder_functionListedTwice_orRefusedWithoutReason_isRejected() {
    assertThatThrownBy(
            () ->
                FunctionTable.<String>builder("SQL")
                    .put(Builtin.ABS, "a")
                    .refuse("why", Builtin.ABS))
        .hasMessageContaining("lists ABS twice");
    assertThatThrownBy(() -> FunctionTable.<String>builder("SQL").refuse(" ", Builtin.ABS))
        .hasMessageContaining("needs a reason");
  }

  @Test
  void named_overloadedName_listsEveryOverload() {
    assertThat(Builtin.named("sum")).containsExactly(Builtin.SUM, Builtin.SUM_ROWS);
    assertThat(Builtin.named("count"))
        .containsExactly(Builtin.COUNT_ROWS, Builtin.COUNT_CODES, Builtin.COUNT_WHERE);
    assertThat(Builtin.named("nope")).isEmpty();
    assertThat(Builtin.SUM_ROWS.bindsRow()).isTrue();
    assertThat(Builtin.COUNT_ROWS.bindsRow()).isFalse();
  }
}
