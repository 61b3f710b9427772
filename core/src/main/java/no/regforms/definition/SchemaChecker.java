package no.regforms.definition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.NameSuggester;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Checks definition files against the definition JSON Schemas with Everit, and turns each violation
 * into a located issue with a hint of what would be right.
 *
 * <p>Immutable and thread-safe once built; the schemas are loaded once per instance.
 */
final class SchemaChecker {

  /** The kinds of definition file, each with its own schema. */
  enum FileKind {
    REGISTRY("registry.json"),
    CODE_LIST("codelist.json"),
    FORM("form.json"),
    LIBRARY("library.json"),
    INDICATOR("indicator.json"),
    ORGANISATIONS("organisations.json"),
    SYNTHETIC("synthetic.json"),
    TEST("test.json");

    final String schemaFile;

    FileKind(String schemaFile) {
      this.schemaFile = schemaFile;
    }
  }

  private static final String SCHEMA_ROOT = "/no/regforms/definition/schema/";
  private static final Pattern BRACKETED = Pattern.compile("\\[(.*?)\\]");
  private static final Pattern FOUND_TYPE = Pattern.compile("expected type: (\\w+), found: (\\w+)");
  private static final Pattern PATTERN = Pattern.compile("does not match pattern (.*)$");
  private static final Pattern ITEM_COUNT =
      Pattern.compile("expected (minimum|maximum) item count: (\\d+), found: (\\d+)");
  private static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  private static final Set<String> ITEM_KINDS = Set.of("variable", "section", "repeat", "note");

  private final Map<FileKind, Schema> schemas = new EnumMap<>(FileKind.class);

  SchemaChecker() {
    this(SchemaChecker::ownSchema);
  }

  /**
   * The schemas' {@code classpath:} references, read through this class: everit's own classpath
   * client reads through an everit class, which on the module path sees only everit's module.
   */
  private static InputStream ownSchema(String url) {
    for (String prefix : List.of("classpath://", "classpath:/")) {
      if (url.startsWith(prefix)) {
        InputStream in =
            SchemaChecker.class.getResourceAsStream("/" + url.substring(prefix.length()));
        if (in == null) {
          throw new UncheckedIOException(
              new IOException("definition schema missing from the jar: " + url));
        }
        return in;
      }
    }
    return SchemaClient.classPathAwareClient().get(url);
  }

  private SchemaChecker(SchemaClient client) {
    for (FileKind kind : FileKind.values()) {
      schemas.put(kind, load(kind.schemaFile, client));
    }
  }

  /**
   * A checker whose texts must each be given in every one of {@code languages}: the shared schema's
   * {@code text} requires them. Its {@code required} violations on texts are the missing
   * translations.
   */
  static SchemaChecker requiringLanguages(List<String> languages) {
    return new SchemaChecker(
        url -> {
          if (!url.endsWith(SCHEMA_ROOT + COMMON_FILE)) return ownSchema(url);
          JSONObject common = readSchema(COMMON_FILE);
          common
              .getJSONObject("definitions")
              .getJSONObject("text")
              .put("required", new JSONArray(languages));
          return new ByteArrayInputStream(common.toString().getBytes(StandardCharsets.UTF_8));
        });
  }

  static final String COMMON_FILE = "common.json";

  /**
   * Loads one schema. The files carry no {@code $id}, so that an editor resolves their relative
   * {@code $ref}s next to the file it opened; here they resolve on the classpath.
   */
  private static Schema load(String schemaFile, SchemaClient client) {
    return SchemaLoader.builder()
        .schemaClient(client)
        .resolutionScope("classpath:/" + SCHEMA_ROOT + schemaFile)
        .schemaJson(readSchema(schemaFile))
        .draftV7Support()
        .build()
        .load()
        .build();
  }

  private static JSONObject readSchema(String schemaFile) {
    try (InputStream in = SchemaChecker.class.getResourceAsStream(SCHEMA_ROOT + schemaFile)) {
      if (in == null) {
        throw new IllegalStateException(
            "definition schema missing from the classpath: " + schemaFile);
      }
      return new JSONObject(new JSONTokener(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every schema violation in {@code document}, located. */
  List<Issue> check(JsonDocument document, FileKind kind) {
    List<ValidationException> leaves = violations(document, kind);
    Set<String> misspelt = misspeltRequiredKeys(leaves, schemas.get(kind));
    List<Issue> issues = new ArrayList<>();
    for (ValidationException leaf : leaves) {
      boolean coveredByTypo =
          "required".equals(leaf.getKeyword())
              && misspelt.contains(
                  pointerOf(leaf) + "/" + JsonDocument.escape(bracketed(leaf.getErrorMessage())));
      if (!coveredByTypo) {
        issues.add(toIssue(document, leaf, schemas.get(kind)));
      }
    }
    return issues.stream().distinct().collect(Collectors.toList());
  }

  /**
   * The innermost violations of the schema of {@code kind} in {@code document}; empty when it
   * conforms.
   */
  private List<ValidationException> violations(JsonDocument document, FileKind kind) {
    try {
      schemas.get(kind).validate(new JSONTokener(document.json()).nextValue());
      return List.of();
    } catch (ValidationException e) {
      List<ValidationException> leaves = new ArrayList<>();
      collectLeaves(e, leaves);
      return leaves;
    }
  }

  /**
   * Every text of {@code document} that lacks one of {@code languages}, located at the text, for a
   * checker made by {@link #requiringLanguages}. Other schema violations are left to the plain
   * check.
   */
  List<Issue> missingLanguages(JsonDocument document, FileKind kind, List<String> languages) {
    List<Issue> issues = new ArrayList<>();
    for (ValidationException leaf : violations(document, kind)) {
      String language = bracketed(leaf.getErrorMessage());
      if ("required".equals(leaf.getKeyword()) && languages.contains(language)) {
        String pointer = pointerOf(leaf);
        issues.add(
            Issue.error(
                    IssueCode.MISSING_TRANSLATION,
                    "text has no "
                        + LANGUAGE_NAMES.getOrDefault(language, language)
                        + " version '"
                        + language
                        + "'",
                    document.locate(pointer))
                .withHint(
                    "add \""
                        + language
                        + "\" beside "
                        + document
                            .at(pointer)
                            .map(text -> String.join(", ", (Iterable<String>) text::fieldNames))
                            .orElse("the other languages")));
      }
    }
    return issues.stream().distinct().collect(Collectors.toList());
  }

  private static final Map<String, String> LANGUAGE_NAMES =
      Map.of(
          "nb",
          "Norwegian Bokmål",
          "nn",
          "Norwegian Nynorsk",
          "en",
          "English",
          "se",
          "Northern Sami");

  /**
   * The pointers of required keys that an unknown key next to them is a misspelling of: the "did
   * you mean" of the unknown key says all, so "missing required key" is not reported too.
   */
  private static Set<String> misspeltRequiredKeys(List<ValidationException> leaves, Schema root) {
    Set<String> out = new java.util.HashSet<>();
    for (ValidationException leaf : leaves) {
      if ("additionalProperties".equals(leaf.getKeyword())
          && leaf.getViolatedSchema() instanceof ObjectSchema violated) {
        String pointer = pointerOf(leaf);
        ObjectSchema object = declaringSchema(pointer, violated, root);
        NameSuggester.closest(
                bracketed(leaf.getErrorMessage()), object.getPropertySchemas().keySet())
            .filter(object.getRequiredProperties()::contains)
            .ifPresent(key -> out.add(pointer + "/" + JsonDocument.escape(key)));
      }
    }
    return out;
  }

  /** The values an enumerated key allows, sorted, when its schema is (or combines) an enum. */
  private static Optional<List<String>> allowedValues(Schema schema) {
    if (schema instanceof EnumSchema enumSchema) {
      return Optional.of(
          enumSchema.getPossibleValuesAsList().stream().map(String::valueOf).sorted().toList());
    }
    if (schema instanceof CombinedSchema combined) {
      return combined.getSubschemas().stream()
          .map(SchemaChecker::allowedValues)
          .flatMap(Optional::stream)
          .findFirst();
    }
    if (schema instanceof ReferenceSchema reference && reference.getReferredSchema() != null) {
      return allowedValues(reference.getReferredSchema());
    }
    return Optional.empty();
  }

  /**
   * The object schema that declares the keys of the object at {@code pointer}, where an unknown key
   * was found. Everit reports a failure inside the value of a map (an object whose {@code
   * additionalProperties} is a schema, such as a synthetic profile's {@code variables}) against the
   * map's schema, so then the declaring schema is found by following the pointer from the file's
   * root schema.
   */
  private static ObjectSchema declaringSchema(String pointer, ObjectSchema violated, Schema root) {
    if (violated.getSchemaOfAdditionalProperties() == null) return violated;
    return schemaAt(root, pointer) instanceof ObjectSchema object ? object : violated;
  }

  /**
   * The schema of the value at {@code pointer}, references resolved, or null if the schema names no
   * such value.
   */
  private static Schema schemaAt(Schema root, String pointer) {
    Schema at = root;
    for (String step : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      at = child(at, unescape(step));
      if (at == null) return null;
    }
    return unwrap(at);
  }

  /**
   * The schema of member {@code step} of what {@code schema} describes, or null if it names none.
   */
  private static Schema child(Schema schema, String step) {
    Schema resolved = unwrap(schema);
    if (resolved instanceof ObjectSchema object) {
      Schema property = object.getPropertySchemas().get(step);
      return property != null ? property : object.getSchemaOfAdditionalProperties();
    }
    if (resolved instanceof ArraySchema array) {
      if (array.getAllItemSchema() != null) return array.getAllItemSchema();
      List<Schema> items = array.getItemSchemas();
      int index = step.matches("\\d{1,9}") ? Integer.parseInt(step) : -1;
      return items != null && index >= 0 && index < items.size() ? items.get(index) : null;
    }
    if (resolved instanceof CombinedSchema combined) {
      for (Schema option : combined.getSubschemas()) {
        Schema member = child(option, step);
        if (member != null) return member;
      }
    }
    return null;
  }

  private static Schema unwrap(Schema schema) {
    return schema instanceof ReferenceSchema reference && reference.getReferredSchema() != null
        ? unwrap(reference.getReferredSchema())
        : schema;
  }

  private static String pointerOf(ValidationException e) {
    String pointer = e.getPointerToViolation();
    return pointer.startsWith("#") ? pointer.substring(1) : pointer;
  }

  private static void collectLeaves(ValidationException e, List<ValidationException> leaves) {
    List<ValidationException> causes = e.getCausingExceptions();
    if (causes.isEmpty()) {
      leaves.add(e);
    } else if ("else".equals(e.getKeyword()) && causes.size() > 1) {
      // The failed "if" only chose the branch (an item is not a variable, so try a section);
      // what the author must hear of is why the chosen "else" branch failed.
      collectLeaves(causes.get(causes.size() - 1), leaves);
    } else if (("oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword()))
        && causes.size() > 1) {
      // An option the value is not even of the type of says nothing the author needs ("codes" as
      // an object is not also told to be a list): only the options of its type are reported.
      List<ValidationException> ofItsType =
          causes.stream()
              .filter(
                  cause ->
                      !("type".equals(cause.getKeyword()) && pointerOf(cause).equals(pointerOf(e))))
              .toList();
      // Sorted: Everit gives the options in no fixed order, and the messages must come out the same
      // every run.
      (ofItsType.isEmpty() ? causes : ofItsType)
          .stream()
              .sorted(java.util.Comparator.comparing(ValidationException::getMessage))
              .forEach(cause -> collectLeaves(cause, leaves));
    } else {
      e.getCausingExceptions().forEach(cause -> collectLeaves(cause, leaves));
    }
  }

  private static Issue toIssue(JsonDocument document, ValidationException e, Schema root) {
    String pointer = pointerOf(e);
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String message = e.getErrorMessage();
    switch (keyword) {
      case "additionalProperties":
        {
          String key = bracketed(message);
          String keyPointer = pointer + "/" + JsonDocument.escape(key);
          Issue issue =
              Issue.error(
                  IssueCode.UNKNOWN_KEY,
                  "unknown key '" + key + "'",
                  document.locateKey(keyPointer));
          if (e.getViolatedSchema() instanceof ObjectSchema violated) {
            Set<String> known =
                new TreeSet<>(
                    declaringSchema(pointer, violated, root).getPropertySchemas().keySet());
            issue =
                NameSuggester.hint(key, known)
                    .map(issue::withHint)
                    .orElse(issue.withHint("known keys here: " + String.join(", ", known)));
          }
          return issue;
        }
      case "required":
        {
          String key = bracketed(message);
          if (ITEM_KINDS.contains(key) && isUnkindedItem(document, pointer)) {
            return Issue.error(
                IssueCode.MISSING_KEY,
                "an item needs one of the keys 'variable', 'section', "
                    + "'repeat' or 'note' to say what kind of item it is",
                document.locate(pointer));
          }
          if (key.equals(LocalizedText.DEFAULT_LANGUAGE)) {
            return Issue.error(
                    IssueCode.MISSING_KEY,
                    "text has no Norwegian Bokmål version 'nb'",
                    document.locate(pointer))
                .withHint(
                    "every text needs \"nb\"; other languages (nn, en, se) may be added beside it");
          }
          String allowed =
              e.getViolatedSchema() instanceof ObjectSchema object
                  ? allowedValues(object.getPropertySchemas().get(key))
                      .map(values -> ", one of: " + String.join(", ", values))
                      .orElse("")
                  : "";
          return Issue.error(
                  IssueCode.MISSING_KEY,
                  "missing required key '" + key + "'",
                  document.locate(pointer))
              .withHint("add \"" + key + "\"" + allowed);
        }
      case "type":
        {
          Matcher m = FOUND_TYPE.matcher(message);
          String text =
              m.find()
                  ? describe(pointer)
                      + " must be "
                      + article(m.group(1))
                      + ", not "
                      + (m.group(1).equals("Integer") && article(m.group(2)).equals("a number")
                          ? "a decimal number"
                          : article(m.group(2)))
                  : message;
          if (m.find(0)
              && m.group(1).equals("JSONObject")
              && isLocalizedText(e.getViolatedSchema())) {
            // the docs call {"nb": ...} a text; a plain string in its place is the usual slip
            return Issue.error(
                    IssueCode.WRONG_JSON_TYPE,
                    describe(pointer)
                        + " must be a text keyed by language, not "
                        + article(m.group(2)),
                    document.locate(pointer))
                .withHint(
                    "write it as {\"nb\": \"...\"}, adding \"en\" and"
                        + " other languages beside it");
          }
          Issue issue = Issue.error(IssueCode.WRONG_JSON_TYPE, text, document.locate(pointer));
          boolean quoted =
              m.find(0)
                  && m.group(2).equals("String")
                  && List.of("Boolean", "Number", "Integer", "BigDecimal").contains(m.group(1));
          return quoted
              ? issue.withHint(
                  "write it without quotes, such as "
                      + (m.group(1).equals("Boolean") ? "true" : "12"))
              : issue;
        }
      case "enum":
        {
          String actual = document.at(pointer).map(n -> n.asText()).orElse("");
          Issue issue =
              Issue.error(
                  IssueCode.INVALID_VALUE,
                  "'" + actual + "' is not an allowed value of " + describe(pointer),
                  document.locate(pointer));
          // Inside the value of a map Everit reports the map's schema (see declaringSchema).
          Schema violated =
              e.getViolatedSchema() instanceof EnumSchema
                  ? e.getViolatedSchema()
                  : schemaAt(root, pointer);
          if (violated instanceof EnumSchema enumSchema) {
            List<String> allowed =
                enumSchema.getPossibleValuesAsList().stream()
                    .map(String::valueOf)
                    .sorted()
                    .toList();
            issue =
                NameSuggester.hint(actual, allowed)
                    .map(h -> h + " (allowed: " + String.join(", ", allowed) + ")")
                    .map(issue::withHint)
                    .orElse(issue.withHint("allowed: " + String.join(", ", allowed)));
          }
          return issue;
        }
      case "pattern":
        {
          String actual = document.at(pointer).map(n -> n.asText()).orElse("");
          Matcher m = PATTERN.matcher(message);
          String pattern = m.find() ? m.group(1) : "";
          if (pattern.equals(DATE_PATTERN)) {
            return Issue.error(
                    IssueCode.INVALID_VALUE,
                    describe(pointer) + " is '" + actual + "', which is not a date yyyy-mm-dd",
                    document.locate(pointer))
                .withHint("write dates as year-month-day, such as \"2024-01-31\"");
          }
          return Issue.error(
              IssueCode.INVALID_VALUE,
              describe(pointer)
                  + " is '"
                  + actual
                  + "', which does not match "
                  + "the pattern "
                  + pattern,
              document.locate(pointer));
        }
      case "minProperties":
        return Issue.error(
                IssueCode.INVALID_VALUE, describe(pointer) + " is empty", document.locate(pointer))
            .withHint("give at least one entry");
      case "minItems":
      case "maxItems":
        {
          Matcher m = ITEM_COUNT.matcher(message);
          Issue issue =
              Issue.error(
                  IssueCode.INVALID_VALUE,
                  m.find()
                      ? describe(pointer)
                          + " has "
                          + m.group(3)
                          + (m.group(3).equals("1") ? " item" : " items")
                          + ", but needs "
                          + (m.group(1).equals("minimum") ? "at least " : "at most ")
                          + m.group(2)
                      : message,
                  document.locate(pointer));
          return pointer.endsWith("range") || pointer.endsWith("Range")
              ? issue.withHint("write a range as [min, max]")
              : issue;
        }
      case "uniqueItems":
        return Issue.error(
                IssueCode.INVALID_VALUE,
                describe(pointer) + " lists the same value more than once",
                document.locate(pointer))
            .withHint("list each value once");
      default:
        return Issue.error(IssueCode.INVALID_VALUE, message, document.locate(pointer));
    }
  }

  /**
   * The key a pointer ends in, as {@code 'required'}, or {@code an item of 'missing'} for an array
   * element.
   */
  private static String describe(String pointer) {
    if (pointer.isEmpty()) return "the file";
    String[] steps = pointer.substring(1).split("/", -1);
    String last = unescape(steps[steps.length - 1]);
    if (last.matches("\\d+") && steps.length > 1) {
      return "an item of '" + unescape(steps[steps.length - 2]) + "'";
    }
    return "'" + last + "'";
  }

  private static String unescape(String step) {
    return step.replace("~1", "/").replace("~0", "~");
  }

  private static boolean isUnkindedItem(JsonDocument document, String pointer) {
    return document
        .at(pointer)
        .map(
            node ->
                node.isObject()
                    && ITEM_KINDS.stream().noneMatch(node::has)
                    && pointer.matches(".*/items/\\d+$"))
        .orElse(false);
  }

  private static String bracketed(String message) {
    Matcher m = BRACKETED.matcher(message);
    return m.find() ? m.group(1) : message;
  }

  private static boolean isLocalizedText(org.everit.json.schema.Schema schema) {
    return schema.getDescription() != null
        && schema.getDescription().startsWith("A text keyed by language");
  }

  private static String article(String everitType) {
    switch (everitType) {
      case "String":
        return "a string";
      case "Integer":
        return "a whole number";
      case "Number":
      case "BigDecimal":
      case "Double":
      case "Long":
        return "a number";
      case "Boolean":
        return "true or false";
      case "JSONObject":
        return "an object";
      case "JSONArray":
        return "a list";
      default:
        return everitType.toLowerCase(java.util.Locale.ROOT);
    }
  }
}
