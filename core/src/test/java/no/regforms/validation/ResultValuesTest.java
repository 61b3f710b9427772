package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.ItemWalker;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;

/**
 * The maps a result holds: the validator's own are kept without a copy, so they must behave as the
 * copies did (unmodifiable, equal to any map of the same entries); a caller's map is still copied.
 */
class ResultValuesTest {

  private static ValidationResult validVisit() {
    return TestRegistry.validator().validate(TestRegistry.validVisit().build());
  }

  @Test
  void validate_values_areInFormOrder() {
    ValidationResult result = validVisit();
    Form visit = TestRegistry.registry().forms().get("visit");

    List<String> formOrder =
        ItemWalker.scope(visit.items(), FormItem.class).stream()
            .map(FormItem::id)
            .filter(result.values()::containsKey)
            .toList();
    assertThat(result.values().keySet())
        .containsExactlyElementsOf(formOrder)
        .contains("visit_date", "bmi", "sessions", "medications");
  }

  @Test
  void validate_values_equalAMapOfTheSameEntries() {
    ValidationResult result = validVisit();
    Map<String, Object> row = rows(result).get(1);

    assertThat(result.values())
        .isEqualTo(new HashMap<>(result.values()))
        .hasSameHashCodeAs(new LinkedHashMap<>(result.values()))
        .hasSize(new LinkedHashMap<>(result.values()).size());
    assertThat(row).isEqualTo(new HashMap<>(row)).containsKeys("session_date", "charge", "day");
    assertThat(result.values().get("not_a_variable")).isNull();
    assertThat(result.values().containsKey("not_a_variable")).isFalse();
  }

  @Test
  void validate_values_cannotBeChanged() {
    ValidationResult result = validVisit();
    Map<String, Object> row = rows(result).get(0);
    Iterator<Map.Entry<String, Object>> entries = result.values().entrySet().iterator();
    entries.next();

    assertThatThrownBy(() -> result.values().put("age", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.computed().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.remove("charge"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rows(result).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructor_callersMapChangedLater_resultUnchanged() {
    Map<String, Object> computed = new HashMap<>(Map.of("bmi", 24));
    Map<String, Object> values = new HashMap<>(Map.of("age", 45));
    ValidationResult result = new ValidationResult(Diagnostics.of(List.of()), computed, values);

    computed.put("obese", true);
    values.put("height", 170);

    assertThat(result.computed()).containsOnlyKeys("bmi");
    assertThat(result.values()).containsOnlyKeys("age");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(ValidationResult result) {
    return (List<Map<String, Object>>) result.values().get("sessions");
  }
}
