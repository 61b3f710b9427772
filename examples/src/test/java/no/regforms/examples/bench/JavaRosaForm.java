package no.regforms.examples.bench;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.regforms.definition.Form;
import no.regforms.definition.Variable;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.ValidateOutcome;
import org.javarosa.core.model.data.DateData;
import org.javarosa.core.model.data.DecimalData;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.IntegerData;
import org.javarosa.core.model.data.SelectMultiData;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.instance.FormInstance;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.model.instance.TreeReference;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.model.xform.XPathReference;
import org.javarosa.xform.util.XFormUtils;

/**
 * One XForm in JavaRosa, filled with a record's answers and validated, the way a saved form is
 * opened: the answers are written into a blank instance, the form is initialised (every relevance
 * and calculation evaluated once, JavaRosa's cheapest way in) and validated (required and
 * constraints of every relevant question). Not thread-safe: JavaRosa's form holds its instance.
 */
final class JavaRosaForm {

  /** A record's answers, converted once, as JavaRosa takes them. */
  record Answers(List<TreeReference> refs, List<IAnswerData> values) {}

  private static final InstanceInitializationFactory INSTANCES =
      new InstanceInitializationFactory();

  private final FormDef form;
  private final FormInstance blank;
  private final Form definition;

  private JavaRosaForm(FormDef form, Form definition) {
    this.form = form;
    this.definition = definition;
    this.blank = form.getMainInstance().clone();
  }

  /** Parses {@code xform}, the {@link XFormWriter} output for {@code definition}. */
  static JavaRosaForm parse(String xform, Form definition) {
    try {
      FormDef form =
          XFormUtils.getFormFromInputStream(
              new ByteArrayInputStream(xform.getBytes(StandardCharsets.UTF_8)));
      return new JavaRosaForm(form, definition);
    } catch (Exception e) {
      throw new IllegalStateException("JavaRosa cannot read the XForm of " + definition.id(), e);
    }
  }

  /** {@code values} (a record's values as JSON gives them) as JavaRosa answers. */
  Answers answers(Map<String, Object> values) {
    List<TreeReference> refs = new ArrayList<>();
    List<IAnswerData> data = new ArrayList<>();
    values.forEach(
        (id, value) -> {
          Variable variable =
              definition
                  .variable(id)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "form " + definition.id() + " has no variable " + id));
          if (variable.isComputed()) return;
          if (value instanceof Map<?, ?> missing) {
            String reason = (String) missing.get("missing");
            boolean choice = XFormWriter.reasonIsChoice(variable);
            refs.add(ref(choice ? XFormWriter.path(id) : XFormWriter.missingPath(id)));
            data.add(
                variable.type() == no.regforms.definition.VariableType.CODES
                    ? new SelectMultiData(List.of(new Selection(reason)))
                    : new SelectOneData(new Selection(reason)));
            return;
          }
          refs.add(ref(XFormWriter.path(id)));
          data.add(answer(variable, value));
        });
    return new Answers(refs, data);
  }

  private static IAnswerData answer(Variable variable, Object value) {
    return switch (variable.type()) {
      case INTEGER -> new IntegerData(((Number) value).intValue());
      case DECIMAL -> new DecimalData(new BigDecimal(value.toString()).doubleValue());
      case TEXT, YEARMONTH -> new StringData((String) value);
      case DATE ->
          new DateData(
              Date.from(
                  LocalDate.parse((String) value)
                      .atStartOfDay(ZoneId.systemDefault())
                      .toInstant()));
      case BOOLEAN -> new SelectOneData(new Selection(value.toString()));
      case CODE -> new SelectOneData(new Selection((String) value));
      case CODES ->
          new SelectMultiData(
              ((List<?>) value).stream().map(code -> new Selection((String) code)).toList());
      case DATETIME -> throw new UnsupportedOperationException("datetime");
    };
  }

  private static TreeReference ref(String path) {
    return (TreeReference) new XPathReference(path).getReference();
  }

  /**
   * Fills a blank instance with {@code answers} and validates it; true when JavaRosa accepts it.
   */
  boolean fillAndValidate(Answers answers) {
    FormInstance instance = blank.clone();
    for (int i = 0; i < answers.refs().size(); i++) {
      instance.resolveReference(answers.refs().get(i)).setAnswer(answers.values().get(i));
    }
    form.setInstance(instance);
    form.initialize(false, INSTANCES);
    ValidateOutcome outcome = form.validate();
    return outcome == null || outcome.outcome == FormEntryController.ANSWER_OK;
  }

  /**
   * The other way in, as data entry goes: on the form as the last record left it, each of the last
   * record's answers is cleared and each new answer set one by one, each setting re-evaluating what
   * depends on it; then the form is validated.
   */
  boolean enterAndValidate(Answers answers) {
    if (!initialised) {
      form.setInstance(blank.clone());
      form.initialize(true, INSTANCES);
      initialised = true;
    }
    if (last != null) {
      for (TreeReference ref : last.refs()) form.setValue(null, ref, true);
    }
    for (int i = 0; i < answers.refs().size(); i++)
      form.setValue(answers.values().get(i), answers.refs().get(i), true);
    last = answers;
    ValidateOutcome outcome = form.validate();
    return outcome == null || outcome.outcome == FormEntryController.ANSWER_OK;
  }

  private boolean initialised;
  private Answers last;

  /** After {@link #fillAndValidate}: whether each variable of the form is relevant, by id. */
  Map<String, Boolean> relevance() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (Variable variable : definition.variables().values()) {
      out.put(
          variable.id(),
          form.getMainInstance()
              .resolveReference(ref(XFormWriter.path(variable.id())))
              .isRelevant());
    }
    return out;
  }
}
