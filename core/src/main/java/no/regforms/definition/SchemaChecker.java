package no.regforms.definition;

import no.regforms.diagnostic.NameSuggester;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Checks definition files against the definition JSON Schemas with Everit, and turns each
 * violation into a located issue with a hint of what would be right.
 *
 * <p>Immutable and thread-safe once built; the schemas are loaded once per instance.
 */
final class SchemaChecker {

  /** The kinds of definition file, each with its own schema. */
  enum FileKind {
    REGISTRY("registry.json"),
    CODE_LIST("codelist.json"),
    FORM("form.json"),
    INDICATOR("indicator.json"),
    ORGANISATIONS("organisations.json");

    final String schemaFile;

    FileKind(String schemaFile) {
      this.schemaFile = schemaFile;
    }
  }

  private static final String SCHEMA_ROOT = "/no/regforms/definition/schema/";
  private static final Pattern BRACKETED = Pattern.compile("\\[(.*?)\\]");
  private static final Pattern FOUND_TYPE = Pattern.compile("expected type: (\\w+), found: (\\w+)");
  private static final Set<String> ITEM_KINDS = Set.of("variable", "section", "repeat", "note");

  private final Map<FileKind, Schema> schemas = new EnumMap<>(FileKind.class);

  SchemaChecker() {
    for (FileKind kind : FileKind.values()) {
      schemas.put(kind, load(kind.schemaFile));
    }
  }

  private static Schema load(String schemaFile) {
    try (InputStream in = SchemaChecker.class.getResourceAsStream(SCHEMA_ROOT + schemaFile)) {
      if (in == null) {
        throw new IllegalStateException("definition schema missing from the classpath: " + schemaFile);
      }
      return SchemaLoader.builder()
          .schemaClient(SchemaClient.classPathAwareClient())
          .schemaJson(new JSONObject(new JSONTokener(in)))
          .draftV7Support()
          .build()
          .load()
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every schema violation in {@code document}, located. */
  List<Issue> check(JsonDocument document, FileKind kind) {
    Object json = new JSONTokener(document.text()).nextValue();
    try {
      schemas.get(kind).validate(json);
      return List.of();
    } catch (ValidationException e) {
      List<ValidationException> leaves = new ArrayList<>();
      collectLeaves(e, leaves);
      List<Issue> issues = new ArrayList<>();
      for (ValidationException leaf : leaves) {
        issues.add(toIssue(document, leaf));
      }
      return issues.stream().distinct().collect(Collectors.toList());
    }
  }

  private static void collectLeaves(ValidationException e, List<ValidationException> leaves) {
    if (e.getCausingExceptions().isEmpty()) {
      leaves.add(e);
    } else {
      e.getCausingExceptions().forEach(cause -> collectLeaves(cause, leaves));
    }
  }

  private static Issue toIssue(JsonDocument document, ValidationException e) {
    String pointer = e.getPointerToViolation().startsWith("#") ? e.getPointerToViolation().substring(1)
        : e.getPointerToViolation();
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String message = e.getErrorMessage();
    switch (keyword) {
      case "additionalProperties": {
        String key = bracketed(message);
        String keyPointer = pointer + "/" + JsonDocument.escape(key);
        Issue issue = Issue.error(IssueCode.UNKNOWN_KEY, "unknown key '" + key + "'", document.locateKey(keyPointer));
        if (e.getViolatedSchema() instanceof ObjectSchema object) {
          Set<String> known = new TreeSet<>(object.getPropertySchemas().keySet());
          issue = NameSuggester.hint(key, known)
              .map(issue::withHint)
              .orElse(issue.withHint("known keys here: " + String.join(", ", known)));
        }
        return issue;
      }
      case "required": {
        String key = bracketed(message);
        if (ITEM_KINDS.contains(key) && isUnkindedItem(document, pointer)) {
          return Issue.error(IssueCode.MISSING_KEY, "an item needs one of the keys 'variable', 'section', "
              + "'repeat' or 'note' to say what kind of item it is", document.locate(pointer));
        }
        return Issue.error(IssueCode.MISSING_KEY, "missing required key '" + key + "'", document.locate(pointer))
            .withHint("add \"" + key + "\"");
      }
      case "type": {
        Matcher m = FOUND_TYPE.matcher(message);
        String text = m.find()
            ? "expected " + article(m.group(1)) + ", found " + article(m.group(2))
            : message;
        return Issue.error(IssueCode.WRONG_JSON_TYPE, text, document.locate(pointer));
      }
      case "enum": {
        Issue issue = Issue.error(IssueCode.INVALID_VALUE, "value is not one of the allowed values", document.locate(pointer));
        if (e.getViolatedSchema() instanceof EnumSchema enumSchema) {
          List<String> allowed = enumSchema.getPossibleValuesAsList().stream().map(String::valueOf).sorted().toList();
          String actual = document.at(pointer).map(n -> n.asText()).orElse("");
          issue = NameSuggester.hint(actual, allowed)
              .map(h -> h + " (allowed: " + String.join(", ", allowed) + ")")
              .map(issue::withHint)
              .orElse(issue.withHint("allowed: " + String.join(", ", allowed)));
        }
        return issue;
      }
      case "pattern":
        return Issue.error(IssueCode.INVALID_VALUE, message.replace("string ", "text "), document.locate(pointer));
      default:
        return Issue.error(IssueCode.INVALID_VALUE, message, document.locate(pointer));
    }
  }

  private static boolean isUnkindedItem(JsonDocument document, String pointer) {
    return document.at(pointer)
        .map(node -> node.isObject() && ITEM_KINDS.stream().noneMatch(node::has) && pointer.matches(".*/items/\\d+$"))
        .orElse(false);
  }

  private static String bracketed(String message) {
    Matcher m = BRACKETED.matcher(message);
    return m.find() ? m.group(1) : message;
  }

  private static String article(String everitType) {
    switch (everitType) {
      case "String": return "a text";
      case "Integer": return "a whole number";
      case "Number": case "BigDecimal": case "Double": case "Long": return "a number";
      case "Boolean": return "true or false";
      case "JSONObject": return "an object";
      case "JSONArray": return "a list";
      default: return everitType.toLowerCase(java.util.Locale.ROOT);
    }
  }
}
