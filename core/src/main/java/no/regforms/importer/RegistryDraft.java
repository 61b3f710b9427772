package no.regforms.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.regforms.diagnostic.Severity;
import no.regforms.expression.ExpressionCompiler;

/**
 * A registry being imported: its forms, its code lists (identical lists shared) and the report
 * entries so far. Readers fill it in codebook order, then {@link #finish} turns it into files.
 * Mutable, single use.
 */
final class RegistryDraft {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Code lists whose labels joined are at most this long are named after their labels ({@code
   * nei_ja}).
   */
  private static final int LABEL_NAMED_LIST = 32;

  private final CodebookFormat format;
  private final String sourceFile;
  private final String registryId;
  private final String title;
  private final String version;
  private final IdAllocator formIds = new IdAllocator("form");
  private final IdAllocator listIds = new IdAllocator("codes");
  private final List<FormDraft> forms = new ArrayList<>();
  private final Map<List<CodeDraft>, String> listsByContent = new HashMap<>();
  private final Map<String, ObjectNode> codeLists = new LinkedHashMap<>();
  private final Map<String, Set<String>> codesByList = new HashMap<>();
  private final List<ImportNote> notes = new ArrayList<>();
  private final List<String> readAs = new ArrayList<>();

  /**
   * One code of a code list as the codebook gives it.
   *
   * @param code the stored value
   * @param label its text
   */
  record CodeDraft(String code, String label) {}

  RegistryDraft(
      CodebookFormat format, String sourceFile, String registryId, String title, String version) {
    this.format = format;
    this.sourceFile = sourceFile;
    this.registryId = registryId;
    this.title = title;
    this.version = version;
  }

  String sourceFile() {
    return sourceFile;
  }

  List<String> readAs() {
    return readAs;
  }

  /** Records how the file was read (encoding, separator), for the report. */
  void readAs(String fact) {
    readAs.add(fact);
  }

  /** Adds a form; its id is {@code name} made snake_case and unique. */
  FormDraft form(String name, String formTitle, String where) {
    String id = formIds.allocate(name);
    if (!id.equals(name)) {
      note(
          Severity.INFO,
          ImportNote.Kind.RENAMED,
          where,
          id,
          "",
          name,
          "form '" + name + "' is now '" + id + "' (ids are snake_case and unique)");
    }
    FormDraft form = new FormDraft(this, id, name, formTitle);
    forms.add(form);
    return form;
  }

  List<FormDraft> forms() {
    return forms;
  }

  /**
   * The id of a code list holding {@code codes}: an identical list already made is shared, else a
   * new one is named after its labels when they are short, otherwise after {@code nameHint}.
   */
  String codeList(String nameHint, String listTitle, List<CodeDraft> codes) {
    List<CodeDraft> key = List.copyOf(codes);
    String existing = listsByContent.get(key);
    if (existing != null) return existing;
    String labels = codes.stream().map(CodeDraft::label).collect(Collectors.joining("_"));
    boolean byLabels = labels.length() <= LABEL_NAMED_LIST;
    String id = listIds.allocate(byLabels ? labels : nameHint);
    ObjectNode list = JSON.objectNode();
    list.put("id", id);
    list.set(
        "title",
        VariableDraft.nb(
            byLabels
                ? codes.stream().map(CodeDraft::label).collect(Collectors.joining(" / "))
                : listTitle));
    list.put("system", "local");
    ArrayNode array = list.putArray("codes");
    Set<String> values = new LinkedHashSet<>();
    for (CodeDraft code : codes) {
      ObjectNode node = array.addObject();
      node.put("code", code.code());
      node.set("label", VariableDraft.nb(code.label()));
      values.add(code.code());
    }
    codeLists.put(id, list);
    codesByList.put(id, values);
    listsByContent.put(key, id);
    return id;
  }

  /** The codes of code list {@code id}. */
  Set<String> codesOf(String id) {
    return codesByList.getOrDefault(id, Set.of());
  }

  void note(
      Severity severity,
      ImportNote.Kind kind,
      String where,
      String form,
      String variable,
      String source,
      String message) {
    notes.add(new ImportNote(severity, kind, where, form, variable, source, message));
  }

  /** An error that stops the import: the file is not a codebook of the chosen format. */
  ImportResult fail(String where, String message) {
    note(Severity.ERROR, ImportNote.Kind.UNREADABLE, where, "", "", "", message);
    return new ImportResult(format, sourceFile, Map.of(), notes, readAs, 0, 0, 0);
  }

  /** The registry folder's files, with every pending expression compiled or reported. */
  ImportResult finish(ExpressionCompiler compiler) {
    Map<String, ObjectNode> files = new LinkedHashMap<>();
    ObjectNode registry = JSON.objectNode();
    registry.put("id", registryId);
    registry.set("title", VariableDraft.nb(title));
    registry.set(
        "description",
        VariableDraft.nb(
            "Importert fra "
                + format.title()
                + " "
                + sourceFile
                + " med regforms import; se import-report.md for det som ikke kunne føres over."));
    registry.put("version", version);
    registry.putArray("languages").add("nb");
    // The codebook's order of forms, which file names alone would lose.
    forms.forEach(form -> registry.withArray("forms").add(form.id()));
    files.put("registry.json", registry);
    int variables = 0;
    Map<String, ObjectNode> formFiles = new LinkedHashMap<>();
    for (FormDraft form : forms) {
      formFiles.put("forms/" + form.id() + ".json", form.toJson(compiler));
      variables += form.variables().size();
    }
    codeLists.forEach((id, list) -> files.put("codelists/" + id + ".json", list));
    files.putAll(formFiles);
    return new ImportResult(
        format, sourceFile, files, notes, readAs, forms.size(), variables, codeLists.size());
  }
}
