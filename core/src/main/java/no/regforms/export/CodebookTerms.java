package no.regforms.export;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import no.regforms.definition.Bound;
import no.regforms.definition.Code;
import no.regforms.definition.Formula;
import no.regforms.definition.Range;
import no.regforms.definition.Registry;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.LocalizedText;

/**
 * The words of codebooks: variable types in the canonical codebook's vocabulary, limits and
 * conditions as text.
 */
final class CodebookTerms {

  private CodebookTerms() {}

  /**
   * The canonical codebook's {@code variabeltype}: numerisk, kategorisk, boolsk, dato, dato_kl,
   * utrekna, tekst.
   */
  static String variableType(Variable v) {
    if (v.isComputed()) return "utrekna";
    switch (v.type()) {
      case INTEGER:
      case DECIMAL:
        return "numerisk";
      case CODE:
      case CODES:
        return "kategorisk";
      case BOOLEAN:
        return "boolsk";
      case DATE:
        return "dato";
      case DATETIME:
        return "dato_kl";
      case TEXT:
        return v.maxLength().map(max -> max > 255).orElse(true) ? "fritekst" : "tekst";
      default:
        // yearmonth: a partial date, kept as text in yyyy-mm.
        return "tekst";
    }
  }

  /** Decimals: 0 for integers, the variable's own for decimals, else empty. */
  static String decimals(Variable v) {
    if (v.type() == no.regforms.definition.VariableType.INTEGER) return "0";
    return v.decimals().map(String::valueOf).orElse("");
  }

  static String min(Optional<Range> range) {
    return range.map(r -> bound(r.min())).orElse("");
  }

  static String max(Optional<Range> range) {
    return range.map(r -> bound(r.max())).orElse("");
  }

  /** A bound as text: a number, {@code yyyy-mm-dd}, {@code yyyy-mm} or {@code today}. */
  static String bound(Bound bound) {
    return bound.toString();
  }

  /** The conditions, joined with {@code and}, parenthesised where more than one. */
  static String conditions(List<Formula> conditions) {
    if (conditions.isEmpty()) return "";
    if (conditions.size() == 1) return conditions.get(0).text();
    return conditions.stream().map(f -> "(" + f.text() + ")").collect(Collectors.joining(" and "));
  }

  /** {@code code=label} lines of a variable's code list, in {@code language}. */
  static String codes(Registry registry, Variable v, String language) {
    return v.codeList()
        .flatMap(registry::codeList)
        .map(
            list ->
                list.codes().stream()
                    .map(c -> c.code() + "=" + c.label().in(language))
                    .collect(Collectors.joining("\n")))
        .orElse("");
  }

  /** {@code reason=label} lines of a variable's missing-value reasons, in {@code language}. */
  static String missing(Registry registry, Variable v, String language) {
    return v.missing().stream()
        .map(
            m ->
                m
                    + "="
                    + Optional.ofNullable(registry.missingReasons().get(m))
                        .map(t -> t.in(language))
                        .orElse(m))
        .collect(Collectors.joining("\n"));
  }

  static String text(Optional<LocalizedText> text, String language) {
    return text.map(t -> t.in(language)).orElse("");
  }

  static String exactly(Optional<LocalizedText> text, String language) {
    return text.flatMap(t -> t.exactly(language)).orElse("");
  }

  static String score(Code code) {
    return code.score().map(s -> s.stripTrailingZeros().toPlainString()).orElse("");
  }
}
