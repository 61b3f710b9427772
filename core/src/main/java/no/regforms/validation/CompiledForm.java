package no.regforms.validation;

import com.google.re2j.Pattern;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.DependencyGraph;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Variable;

/**
 * What validating a form needs beyond the model, prepared once: code lookups, compiled text
 * patterns, and the numbering of each scope's variables ({@link Slots}). Immutable and thread-safe.
 */
final class CompiledForm {

  private final Form form;
  private final Registry registry;
  private final Map<String, Map<String, Code>> codes = new HashMap<>();
  // By variable id (unique in a form, rows included): a variable is a record, and hashing one
  // hashes all its parts, for every text value checked.
  private final Map<String, Pattern> patterns = new HashMap<>();
  // By the graph of each scope (the form's, and each repeat group's rows'), as the walk meets them.
  private final Map<DependencyGraph, Slots> slots = new IdentityHashMap<>();

  CompiledForm(Registry registry, Form form) {
    this.registry = registry;
    this.form = form;
    registry.codeLists().values().forEach(list -> codes.put(list.id(), list.byCode()));
    // The loader has checked every pattern compiles; RE2/J matches in linear time.
    ItemWalker.all(form.items(), Variable.class)
        .forEach(v -> v.pattern().ifPresent(p -> patterns.put(v.id(), Pattern.compile(p))));
    number(form.graph());
  }

  private void number(DependencyGraph graph) {
    slots.put(graph, new Slots(graph));
    for (FormItem item : graph.items().values()) {
      if (item instanceof RepeatGroup repeat) graph.rowGraph(repeat.id()).ifPresent(this::number);
    }
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

  /** The numbering of the scope that {@code graph} walks: the form's, or a repeat group's rows'. */
  Slots slots(DependencyGraph graph) {
    return slots.get(graph);
  }

  Optional<Pattern> pattern(Variable variable) {
    return Optional.ofNullable(patterns.get(variable.id()));
  }
}
