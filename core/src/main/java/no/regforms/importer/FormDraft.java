package no.regforms.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.regforms.definition.VariableType;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.Severity;
import no.regforms.expression.CompilationResult;
import no.regforms.expression.ExprType;
import no.regforms.expression.ExpressionCompiler;
import no.regforms.expression.TypeEnvironment;

/**
 * One form being imported: its sections, variables and notes in codebook order, and the translated
 * expressions waiting to be compiled once every variable of the form is known. Mutable, single use.
 */
final class FormDraft {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final RegistryDraft registry;
  private final String id;
  private final String source;
  private final String title;
  private final IdAllocator itemIds = new IdAllocator("item");
  private final List<Object> items = new ArrayList<>();
  private final Map<String, VariableDraft> variables = new LinkedHashMap<>();
  private final List<Pending> formulas = new ArrayList<>();
  private final Map<String, Note> notes = new LinkedHashMap<>();
  private final List<String> description = new ArrayList<>();
  private Section currentSection;
  private String respondent = "clinician";
  private Optional<String> version = Optional.empty();

  /** A section and the items inside it. */
  private record Section(String id, String title, List<Object> items) {}

  /** A note: text shown in the form, maybe only under a condition. */
  private static final class Note {
    private final String id;
    private final String text;
    private String visibleIf;

    Note(String id, String text) {
      this.id = id;
      this.text = text;
    }
  }

  /** Which item a translated expression belongs to, for reports. */
  private record Target(String id, String source, String where) {}

  /** A translated expression to compile against the finished form. */
  private record Pending(
      Target target,
      String key,
      String text,
      String original,
      ImportNote.Kind kind,
      Consumer<String> accept,
      Consumer<String> describe) {}

  FormDraft(RegistryDraft registry, String id, String source, String title) {
    this.registry = registry;
    this.id = id;
    this.source = source;
    this.title = title;
  }

  String id() {
    return id;
  }

  String source() {
    return source;
  }

  void version(String value) {
    version = Optional.of(value);
  }

  void respondent(String value) {
    respondent = value;
  }

  void describe(String sentence) {
    description.add(sentence);
  }

  Map<String, VariableDraft> variables() {
    return variables;
  }

  /** Starts a section: the variables added next go into it. */
  void section(String name, String sectionTitle) {
    String sectionId = itemIds.allocate(name);
    currentSection = new Section(sectionId, sectionTitle, new ArrayList<>());
    items.add(currentSection);
  }

  /** Adds a note (text without a value) at the current place; returns its id. */
  String note(String name, String text, String where) {
    String noteId = allocate(name, where, "note");
    Note note = new Note(noteId, text);
    notes.put(noteId, note);
    place(note);
    return noteId;
  }

  /** Adds a variable at the current place; its id is {@code name} made snake_case and unique. */
  VariableDraft variable(String name, VariableType type, String where) {
    String variableId = allocate(name, where, "variable");
    VariableDraft variable = new VariableDraft(variableId, name, where, type);
    variables.put(variableId, variable);
    place(variable);
    return variable;
  }

  private String allocate(String name, String where, String what) {
    String allocated = itemIds.allocate(name);
    if (!allocated.equals(name)) {
      registry.note(
          Severity.INFO,
          ImportNote.Kind.RENAMED,
          where,
          id,
          allocated,
          name,
          what
              + " '"
              + name
              + "' is now '"
              + allocated
              + "' (ids are snake_case and unique within a form)");
    }
    return allocated;
  }

  private void place(Object item) {
    if (currentSection != null) currentSection.items().add(item);
    else items.add(item);
  }

  /**
   * Sets {@code key} of {@code variable} to the translated expression {@code text} if it compiles
   * against the finished form; otherwise reports it as {@code kind} with the compiler's reason.
   */
  void formula(
      VariableDraft variable, String key, String text, String original, ImportNote.Kind kind) {
    formulas.add(
        new Pending(
            new Target(variable.id(), variable.source(), variable.where()),
            key,
            text,
            original,
            kind,
            expression -> variable.string(key, expression),
            variable::describe));
  }

  /**
   * Sets the {@code visibleIf} of note {@code noteId} to {@code text} if it compiles, like {@link
   * #formula}.
   */
  void noteCondition(String noteId, String source, String where, String text, String original) {
    Note note = notes.get(noteId);
    formulas.add(
        new Pending(
            new Target(noteId, source, where),
            "visibleIf",
            text,
            original,
            ImportNote.Kind.LOGIC_NOT_TRANSLATED,
            expression -> note.visibleIf = expression,
            sentence -> {}));
  }

  /** The form as a definition file, after compiling its pending expressions. */
  ObjectNode toJson(ExpressionCompiler compiler) {
    TypeEnvironment environment = environment();
    for (Pending pending : formulas) {
      CompilationResult result = compiler.compile(pending.text(), environment);
      if (result.hasErrors()) {
        Issue first = result.diagnostics().errors().get(0);
        registry.note(
            Severity.WARNING,
            pending.kind(),
            pending.target().where(),
            id,
            pending.target().id(),
            pending.target().source(),
            "'"
                + pending.original()
                + "' was translated to '"
                + pending.text()
                + "', which does not compile: "
                + first.message()
                + "; not carried over");
        pending
            .describe()
            .accept("Source " + pending.key() + " (not carried over): " + pending.original());
      } else {
        pending.accept().accept(pending.text());
      }
    }
    ObjectNode root = JSON.objectNode();
    root.put("id", id);
    root.set("title", VariableDraft.nb(title));
    if (!description.isEmpty())
      root.set("description", VariableDraft.nb(String.join(" ", description)));
    root.put("respondent", respondent);
    version.ifPresent(v -> root.put("version", v));
    root.set("items", toJson(items));
    return root;
  }

  private ArrayNode toJson(List<Object> list) {
    ArrayNode out = JSON.arrayNode();
    for (Object item : list) {
      if (item instanceof VariableDraft v) {
        out.add(v.toJson());
      } else if (item instanceof Section s) {
        ObjectNode node = out.addObject();
        node.put("section", s.id());
        node.set("title", VariableDraft.nb(s.title()));
        node.set("items", toJson(s.items()));
      } else if (item instanceof Note n) {
        ObjectNode node = out.addObject();
        node.put("note", n.id);
        node.set("text", VariableDraft.nb(n.text));
        if (n.visibleIf != null) node.put("visibleIf", n.visibleIf);
      }
    }
    return out;
  }

  /** The names and types the form's expressions may read. */
  TypeEnvironment environment() {
    Map<String, ExprType> names = new LinkedHashMap<>();
    for (VariableDraft v : variables.values()) {
      names.put(v.id(), typeOf(v));
    }
    return TypeEnvironment.of(names);
  }

  private ExprType typeOf(VariableDraft v) {
    VariableType type = v.type();
    if (type.isCoded()) {
      String list = v.keys().get("codeList").asText();
      return type == VariableType.CODE
          ? ExprType.code(list, registry.codesOf(list))
          : ExprType.codes(list, registry.codesOf(list));
    }
    switch (type) {
      case INTEGER:
      case DECIMAL:
        return ExprType.NUMBER;
      case BOOLEAN:
        return ExprType.BOOLEAN;
      case DATE:
        return ExprType.DATE;
      case YEARMONTH:
        return ExprType.YEARMONTH;
      case DATETIME:
        return ExprType.DATETIME;
      default:
        return ExprType.TEXT;
    }
  }
}
