package no.regforms.examples.cli;

import java.io.PrintWriter;
import java.util.Map;
import no.regforms.expression.Explanation;
import no.regforms.validation.Decision;

/**
 * {@code eval --explain}'s text: an expression's parts indented under it, each with its value, and
 * for an unknown name why it is unknown.
 *
 * <pre>
 * hidden surgery_at (visibleIf)
 *   operated = true → unknown
 *     operated → unknown: not filled in
 * </pre>
 */
final class ExplanationText {

  private ExplanationText() {}

  static void print(Decision decision, PrintWriter out) {
    out.println(decision.kind().label() + " " + decision.path() + " (" + decision.key() + ")");
    print(decision.explanation(), decision.unknown(), "  ", out);
  }

  static void print(Explanation explanation, PrintWriter out) {
    print(explanation, Map.of(), out);
  }

  static void print(Explanation explanation, Map<String, String> why, PrintWriter out) {
    print(explanation, why, "", out);
  }

  private static void print(
      Explanation explanation, Map<String, String> why, String indent, PrintWriter out) {
    String value =
        explanation.isUnknown() ? "unknown" : EvalCommand.toJson(explanation.value()).toString();
    String reason = explanation.name().map(why::get).map(r -> ": " + r).orElse("");
    out.println(indent + explanation.text() + " → " + value + reason);
    for (Explanation part : explanation.parts()) {
      print(part, why, indent + "  ", out);
    }
  }
}
