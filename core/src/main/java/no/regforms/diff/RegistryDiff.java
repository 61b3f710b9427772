package no.regforms.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.FormItem;
import no.regforms.definition.Formula;
import no.regforms.definition.InclusionCriterion;
import no.regforms.definition.Indicator;
import no.regforms.definition.ItemWalker;
import no.regforms.definition.MigrationStep;
import no.regforms.definition.PlacedItem;
import no.regforms.definition.Range;
import no.regforms.definition.Registry;
import no.regforms.definition.RepeatGroup;
import no.regforms.definition.Rule;
import no.regforms.definition.Variable;
import no.regforms.definition.VersionHistory;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.Severity;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.diff.DefinitionChange.Impact;

/**
 * Every difference between an old and a new definition of a registry, classified for existing data:
 * <b>breaking</b> (a type changed, a code removed, a range narrowed, a variable removed or renamed
 * without a migration step, a required variable, rule or inclusion criterion added, a constraint
 * tightened), <b>compatible</b> (additions, loosened constraints, a removal or rename the new
 * definition migrates, computed values, indicators), or <b>wording</b> (labels, help, titles,
 * messages).
 *
 * <p>A removal or rename counts as migrated when the new definition's migration steps from the old
 * version (or, when the new history does not know the old version, of its current version) read the
 * variable, or recode the removed code.
 */
public final class RegistryDiff {

  private final Registry before;
  private final Registry after;
  private final List<MigrationStep> migrations;
  private final List<DefinitionChange> changes = new ArrayList<>();

  private RegistryDiff(Registry before, Registry after) {
    this.before = before;
    this.after = after;
    VersionHistory history = after.history();
    List<VersionHistory.Released> between =
        history.has(before.version())
            ? history.between(before.version(), after.version())
            : history.versions().subList(history.versions().size() - 1, history.versions().size());
    this.migrations = between.stream().flatMap(v -> v.migrate().stream()).toList();
  }

  /**
   * The differences from {@code before} to {@code after}, forms first, in the new definition's
   * order.
   */
  public static List<DefinitionChange> between(Registry before, Registry after) {
    RegistryDiff diff =
        new RegistryDiff(
            Objects.requireNonNull(before, "before"), Objects.requireNonNull(after, "after"));
    diff.compare();
    return List.copyOf(diff.changes);
  }

  private void compare() {
    for (Form old : before.forms().values()) {
      Optional<Form> now = after.form(old.id());
      if (now.isEmpty()) {
        add(
            Impact.BREAKING,
            "form " + old.id(),
            "form removed; its records have no form",
            old.location(),
            null);
      } else {
        compareForm(old, now.get());
      }
    }
    for (Form added : after.forms().values()) {
      if (before.form(added.id()).isEmpty())
        add(Impact.COMPATIBLE, "form " + added.id(), "form added", null, added.location());
    }
    compareCodeLists();
    compareInclusion();
    compareIndicators();
  }

  // ---- forms and variables
  // ------------------------------------------------------------------------

  private void compareForm(Form old, Form now) {
    String subject = "form " + old.id();
    wording(subject, "title", old.title(), now.title(), old.location(), now.location());
    wording(
        subject,
        "description",
        old.description().orElse(null),
        now.description().orElse(null),
        old.location(),
        now.location());
    Map<String, Variable> oldVars = variables(old.items());
    Map<String, Variable> newVars = variables(now.items());
    for (Map.Entry<String, Variable> e : oldVars.entrySet()) {
      Variable v = e.getValue();
      Variable n = newVars.get(e.getKey());
      String where = subject + ", variable " + e.getKey();
      if (n == null) {
        Optional<MigrationStep> step = migrationReading(old.id(), e.getKey());
        if (step.isPresent()) {
          add(
              Impact.COMPATIBLE,
              where,
              "variable " + describe(step.get()) + " by a migration step",
              v.location(),
              step.get().location());
        } else {
          add(
              Impact.BREAKING,
              where,
              "variable removed or renamed without a migration step; its values would be undefined",
              v.location(),
              null);
        }
        continue;
      }
      compareVariable(where, old.id(), e.getKey(), v, n);
    }
    for (Map.Entry<String, Variable> e : newVars.entrySet()) {
      if (oldVars.containsKey(e.getKey())) continue;
      Variable n = e.getValue();
      boolean written =
          migrations.stream()
              .anyMatch(
                  s ->
                      s.form().equals(now.id())
                          && (s.to().map(e.getKey()::equals).orElse(false)
                              || s.into().containsKey(e.getKey())));
      boolean required = n.required() && !n.isComputed() && !written;
      add(
          required ? Impact.BREAKING : Impact.COMPATIBLE,
          subject + ", variable " + e.getKey(),
          required
              ? "required variable added; records made before lack it"
              : "variable added" + (written ? " (written by a migration step)" : ""),
          null,
          n.location());
    }
    compareRules(old, now);
  }

  /** A form's variables in display order, by path: a repeat group's members as {@code group.id}. */
  private static Map<String, Variable> variables(List<FormItem> items) {
    Map<String, Variable> out = new LinkedHashMap<>();
    for (PlacedItem placed : ItemWalker.all(items)) {
      if (placed.item() instanceof Variable v) {
        StringBuilder path = new StringBuilder();
        for (FormItem around : placed.enclosing()) {
          if (around instanceof RepeatGroup group) path.append(group.id()).append('.');
        }
        out.put(path + v.id(), v);
      }
    }
    return out;
  }

  private void compareVariable(String where, String form, String id, Variable v, Variable n) {
    SourceLocation a = v.location();
    SourceLocation b = n.location();
    if (v.type() != n.type()) {
      add(
          Impact.BREAKING,
          where,
          "type changed from " + v.type().jsonName() + " to " + n.type().jsonName(),
          a,
          b);
      return;
    }
    if (!v.codeList().equals(n.codeList())) {
      add(
          Impact.BREAKING,
          where,
          "code list changed from "
              + v.codeList().orElse("none")
              + " to "
              + n.codeList().orElse("none"),
          a,
          b);
    }
    compareRange(where, "range", v.range(), n.range(), a, b, true);
    compareRange(where, "plausible range", v.plausibleRange(), n.plausibleRange(), a, b, false);
    if (!v.required() && n.required() && !n.isComputed())
      add(Impact.BREAKING, where, "now required", a, b);
    if (v.required() && !n.required()) add(Impact.COMPATIBLE, where, "no longer required", a, b);
    formula(where, "requiredIf", v.requiredIf(), n.requiredIf(), a, b);
    formula(where, "visibleIf", v.visibleIf(), n.visibleIf(), a, b);
    if (!text(v.compute()).equals(text(n.compute()))) {
      add(
          Impact.COMPATIBLE,
          where,
          "computation changed from '" + text(v.compute()) + "' to '" + text(n.compute()) + "'",
          a,
          b);
    }
    tightened(where, "decimals", v.decimals(), n.decimals(), false, a, b);
    tightened(where, "maxLength", v.maxLength(), n.maxLength(), false, a, b);
    tightened(where, "maxChoices", v.maxChoices(), n.maxChoices(), false, a, b);
    tightened(where, "minChoices", v.minChoices(), n.minChoices(), true, a, b);
    if (!v.pattern().equals(n.pattern())) {
      add(
          n.pattern().isEmpty() ? Impact.COMPATIBLE : Impact.BREAKING,
          where,
          "pattern changed from "
              + v.pattern().orElse("none")
              + " to "
              + n.pattern().orElse("none"),
          a,
          b);
    }
    if (!decimal(v.step()).equals(decimal(n.step()))) {
      add(
          n.step().isEmpty() ? Impact.COMPATIBLE : Impact.BREAKING,
          where,
          "step changed from " + decimal(v.step()) + " to " + decimal(n.step()),
          a,
          b);
    }
    if (!v.unit().equals(n.unit())) {
      boolean converted =
          migrations.stream()
              .anyMatch(
                  s ->
                      s.kind() == MigrationStep.Kind.CONVERT
                          && s.form().equals(form)
                          && s.variables().contains(id));
      add(
          converted ? Impact.COMPATIBLE : Impact.BREAKING,
          where,
          "unit changed from "
              + v.unit().orElse("none")
              + " to "
              + n.unit().orElse("none")
              + (converted
                  ? " (converted by a migration step)"
                  : "; old values mean something else"),
          a,
          b);
    }
    Set<String> lostReasons = new LinkedHashSet<>(v.missing());
    lostReasons.removeAll(n.missing());
    if (!lostReasons.isEmpty())
      add(
          Impact.BREAKING,
          where,
          "missing-value reasons no longer accepted: " + String.join(", ", lostReasons),
          a,
          b);
    Set<String> newReasons = new LinkedHashSet<>(n.missing());
    newReasons.removeAll(v.missing());
    if (!newReasons.isEmpty())
      add(
          Impact.COMPATIBLE,
          where,
          "missing-value reasons now accepted: " + String.join(", ", newReasons),
          a,
          b);
    if (v.sensitivity() != n.sensitivity())
      add(Impact.COMPATIBLE, where, "sensitivity changed", a, b);
    wording(where, "label", v.label().orElse(null), n.label().orElse(null), a, b);
    wording(where, "help", v.help().orElse(null), n.help().orElse(null), a, b);
    wording(where, "description", v.description().orElse(null), n.description().orElse(null), a, b);
  }

  private void compareRange(
      String where,
      String what,
      Optional<Range> old,
      Optional<Range> now,
      SourceLocation a,
      SourceLocation b,
      boolean hard) {
    if (old.map(Range::toString).equals(now.map(Range::toString))) return;
    boolean narrowed =
        now.isPresent()
            && (old.isEmpty()
                || isAbove(now.get().min(), old.get().min())
                || isAbove(old.get().max(), now.get().max()));
    add(
        hard && narrowed ? Impact.BREAKING : Impact.COMPATIBLE,
        where,
        what
            + (narrowed ? " narrowed" : " widened")
            + " from "
            + old.map(Range::toString).orElse("none")
            + " to "
            + now.map(Range::toString).orElse("none"),
        a,
        b);
  }

  /**
   * Whether bound {@code x} lies above {@code y} (a date bound against {@code today} counts as a
   * change either way).
   */
  private static boolean isAbove(Bound x, Bound y) {
    if (x instanceof Bound.Number p && y instanceof Bound.Number q)
      return p.value().compareTo(q.value()) > 0;
    if (x instanceof Bound.Date p && y instanceof Bound.Date q) return p.value().isAfter(q.value());
    if (x instanceof Bound.Month p && y instanceof Bound.Month q)
      return p.value().isAfter(q.value());
    return !x.toString().equals(y.toString());
  }

  private void tightened(
      String where,
      String key,
      Optional<Integer> old,
      Optional<Integer> now,
      boolean raisingTightens,
      SourceLocation a,
      SourceLocation b) {
    if (old.equals(now)) return;
    boolean tighter =
        now.isPresent()
            && (old.isEmpty() || (raisingTightens ? now.get() > old.get() : now.get() < old.get()));
    add(
        tighter ? Impact.BREAKING : Impact.COMPATIBLE,
        where,
        key
            + " changed from "
            + old.map(String::valueOf).orElse("none")
            + " to "
            + now.map(String::valueOf).orElse("none"),
        a,
        b);
  }

  private void formula(
      String where,
      String key,
      Optional<Formula> old,
      Optional<Formula> now,
      SourceLocation a,
      SourceLocation b) {
    if (text(old).equals(text(now))) return;
    add(
        now.isEmpty() ? Impact.COMPATIBLE : Impact.BREAKING,
        where,
        key + " changed from '" + text(old) + "' to '" + text(now) + "'",
        a,
        b);
  }

  private void compareRules(Form old, Form now) {
    Map<String, Rule> newRules = new LinkedHashMap<>();
    now.rules().forEach(r -> newRules.put(r.id(), r));
    Set<String> seen = new HashSet<>();
    for (Rule r : old.rules()) {
      String where = "form " + old.id() + ", rule " + r.id();
      Rule n = newRules.get(r.id());
      seen.add(r.id());
      if (n == null) {
        add(Impact.COMPATIBLE, where, "rule removed", r.location(), null);
        continue;
      }
      if (!r.check().text().equals(n.check().text()) || !text(r.when()).equals(text(n.when()))) {
        add(
            Impact.BREAKING,
            where,
            "rule changed: existing records may fail it",
            r.location(),
            n.location());
      }
      if (r.severity() == Severity.WARNING && n.severity() == Severity.ERROR) {
        add(Impact.BREAKING, where, "a warning became an error", r.location(), n.location());
      }
      wording(where, "message", r.message(), n.message(), r.location(), n.location());
    }
    for (Rule n : now.rules()) {
      if (!seen.contains(n.id())) {
        add(
            n.severity() == Severity.ERROR ? Impact.BREAKING : Impact.COMPATIBLE,
            "form " + now.id() + ", rule " + n.id(),
            "rule added"
                + (n.severity() == Severity.ERROR
                    ? ": existing records may fail it"
                    : " (a warning)"),
            null,
            n.location());
      }
    }
  }

  // ---- code lists, inclusion, indicators
  // -------------------------------------------------------------

  private void compareCodeLists() {
    for (CodeList old : before.codeLists().values()) {
      Optional<CodeList> now = after.codeList(old.id());
      if (now.isEmpty())
        continue; // a list no variable uses any more; the variables say what changed
      for (Code code : old.codes()) {
        String where = "code list " + old.id() + ", code " + code.code();
        Code n = now.get().byCode().get(code.code());
        if (n == null) {
          Optional<MigrationStep> recode =
              migrations.stream()
                  .filter(
                      s ->
                          s.kind() == MigrationStep.Kind.RECODE && s.map().containsKey(code.code()))
                  .findFirst();
          add(
              recode.isPresent() ? Impact.COMPATIBLE : Impact.BREAKING,
              where,
              recode.isPresent()
                  ? "code removed; recoded to '"
                      + recode.get().map().get(code.code())
                      + "' by a migration step"
                  : "code removed; records holding it would be invalid",
              code.location(),
              recode.map(MigrationStep::location).orElse(null));
          continue;
        }
        if (n.validTo().isPresent()
            && (code.validTo().isEmpty() || n.validTo().get().isBefore(code.validTo().get()))) {
          add(
              Impact.BREAKING,
              where,
              "valid only until " + n.validTo().get(),
              code.location(),
              n.location());
        }
        if (!code.score()
            .map(BigDecimal::stripTrailingZeros)
            .equals(n.score().map(BigDecimal::stripTrailingZeros))) {
          add(Impact.COMPATIBLE, where, "score changed", code.location(), n.location());
        }
        wording(where, "label", code.label(), n.label(), code.location(), n.location());
      }
      for (Code n : now.get().codes()) {
        if (!old.byCode().containsKey(n.code())) {
          add(
              Impact.COMPATIBLE,
              "code list " + old.id() + ", code " + n.code(),
              "code added",
              null,
              n.location());
        }
      }
    }
  }

  private void compareInclusion() {
    Map<String, InclusionCriterion> old = new LinkedHashMap<>();
    before.inclusion().forEach(c -> old.put(c.id(), c));
    for (InclusionCriterion n : after.inclusion()) {
      InclusionCriterion o = old.remove(n.id());
      String where = "inclusion criterion " + n.id();
      if (o == null) {
        add(
            Impact.BREAKING,
            where,
            "criterion added: existing records may fail it",
            null,
            n.location());
      } else if (!o.check().text().equals(n.check().text())) {
        add(
            Impact.BREAKING,
            where,
            "criterion changed from '" + o.check().text() + "' to '" + n.check().text() + "'",
            o.location(),
            n.location());
      }
    }
    old.values()
        .forEach(
            o ->
                add(
                    Impact.COMPATIBLE,
                    "inclusion criterion " + o.id(),
                    "criterion removed",
                    o.location(),
                    null));
  }

  /**
   * Indicators read records but never make one invalid: their changes are compatible for the data.
   */
  private void compareIndicators() {
    for (Indicator old : before.indicators().values()) {
      Indicator n = after.indicators().get(old.id());
      String where = "indicator " + old.id();
      if (n == null) {
        add(Impact.COMPATIBLE, where, "indicator removed", old.location(), null);
        continue;
      }
      List<String> changed = new ArrayList<>();
      if (!old.denominator().text().equals(n.denominator().text())) changed.add("denominator");
      if (!text(old.numerator()).equals(text(n.numerator()))) changed.add("numerator");
      if (!text(old.value()).equals(text(n.value()))) changed.add("value");
      if (!old.period().text().equals(n.period().text())) changed.add("period");
      if (!old.exclusions().stream()
          .map(e -> e.id() + e.when().text())
          .toList()
          .equals(n.exclusions().stream().map(e -> e.id() + e.when().text()).toList())) {
        changed.add("exclusions");
      }
      if (!old.levels().equals(n.levels())) changed.add("levels");
      if (!changed.isEmpty()) {
        add(
            Impact.COMPATIBLE,
            where,
            String.join(", ", changed) + " changed; figures from here on differ",
            old.location(),
            n.location());
      }
      wording(where, "title", old.title(), n.title(), old.location(), n.location());
      wording(
          where,
          "description",
          old.description().orElse(null),
          n.description().orElse(null),
          old.location(),
          n.location());
    }
    for (Indicator n : after.indicators().values()) {
      if (!before.indicators().containsKey(n.id()))
        add(Impact.COMPATIBLE, "indicator " + n.id(), "indicator added", null, n.location());
    }
  }

  // ---- helpers
  // ---------------------------------------------------------------------------------------

  private Optional<MigrationStep> migrationReading(String form, String variable) {
    return migrations.stream()
        .filter(
            s ->
                s.form().equals(form)
                    && s.kind() != MigrationStep.Kind.RECODE
                    && s.kind() != MigrationStep.Kind.CONVERT)
        .filter(s -> s.variables().contains(variable))
        .findFirst();
  }

  private static String describe(MigrationStep step) {
    switch (step.kind()) {
      case RENAME:
        return "renamed to " + step.to().orElse("");
      case SPLIT:
        return "split into " + String.join(", ", step.into().keySet());
      default:
        return "merged into " + String.join(", ", step.into().keySet());
    }
  }

  private void wording(
      String where,
      String key,
      LocalizedText old,
      LocalizedText now,
      SourceLocation a,
      SourceLocation b) {
    if (Objects.equals(old, now)) return;
    add(
        Impact.WORDING,
        where,
        key + (old == null ? " added" : now == null ? " removed" : " changed"),
        a,
        b);
  }

  private static String text(Optional<Formula> formula) {
    return formula.map(Formula::text).orElse("");
  }

  private static String decimal(Optional<BigDecimal> value) {
    return value.map(v -> v.stripTrailingZeros().toPlainString()).orElse("none");
  }

  private void add(
      Impact impact, String subject, String what, SourceLocation before, SourceLocation after) {
    changes.add(
        new DefinitionChange(
            impact, subject, what, Optional.ofNullable(before), Optional.ofNullable(after)));
  }
}
