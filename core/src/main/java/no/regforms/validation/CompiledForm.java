package no.regforms.validation;

import com.google.re2j.Pattern;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;

/**
 * What validating a form needs beyond the model, prepared once: code lookups and compiled text
 * patterns. Immutable and thread-safe.
 */
final class CompiledForm {

  private final Form form;
  private final Registry registry;
  private final Map<String, Map<String, Code>> codes = new HashMap<>();
  private final Map<Variable, Pattern> patterns = new HashMap<>();

  CompiledForm(Registry registry, Form form) {
    this.registry = registry;
    this.form = form;
    registry.codeLists().values().forEach(list -> codes.put(list.id(), list.byCode()));
    // The loader has checked every pattern compiles; RE2/J matches in linear time.
    ItemWalker.all(form.items(), Variable.class)
        .forEach(v -> v.pattern().ifPresent(p -> patterns.put(v, Pattern.compile(p))));
  }

  /** The registry of the version this form belongs to. */
  Registry registry() {
    return registry;
  }

  Form form() {
    return form;
  }

  Optional<CodeList> codeList(String id) {
    return registry.codeList(id);
  }

  /**
   * {@code reason} if the registry knows it (built in or its own); a record's free text otherwise
   * stays unnamed.
   */
  Optional<String> knownMissingReason(String reason) {
    return registry.missingReasons().containsKey(reason) ? Optional.of(reason) : Optional.empty();
  }

  Map<String, Code> codes(CodeList list) {
    return codes.getOrDefault(list.id(), Map.of());
  }

  Optional<Pattern> pattern(Variable variable) {
    return Optional.ofNullable(patterns.get(variable));
  }
}
