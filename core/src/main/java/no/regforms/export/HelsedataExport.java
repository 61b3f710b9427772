package no.regforms.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.regforms.definition.CodeList;
import no.regforms.definition.Form;
import no.regforms.definition.Registry;
import no.regforms.definition.VersionHistory;
import no.regforms.definition.Respondent;
import no.regforms.definition.Variable;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * helsedata.no metadata: a DCAT-AP-NO {@code dcat:Dataset} as JSON-LD (with its context inline, so
 * it expands without fetching anything), and the variable list, one row per variable and form
 * version, as CSV and JSON with field names from {@link VariableListField}.
 */
final class HelsedataExport {

  static final String DATASET_FILE = "helsedata/dataset.jsonld";
  static final String VARIABLES_CSV = "helsedata/variables.csv";
  static final String VARIABLES_JSON = "helsedata/variables.json";

  static final String PUBLISHER_BASE = "https://data.brreg.no/enhetsregisteret/api/enheter/";
  static final String THEME_EU_HEALTH = "http://publications.europa.eu/resource/authority/data-theme/HEAL";
  static final String THEME_LOS_HEALTH = "https://psi.norge.no/los/tema/helse-og-omsorg";
  static final String ACCESS_NON_PUBLIC = "http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC";
  /** Forskrift om medisinske kvalitetsregistre (FOR-2019-06-21-1250), the legal basis of national quality registries. */
  static final String QUALITY_REGISTRY_REGULATION = "https://lovdata.no/eli/forskrift/2019/06/21/1250";

  private final Registry registry;
  private final List<ExportNote> notes = new ArrayList<>();

  HelsedataExport(Registry registry) {
    this.registry = registry;
  }

  ExportResult export() {
    List<Map<VariableListField, String>> rows = rows();
    CsvTable table = new CsvTable(java.util.Arrays.stream(VariableListField.values()).map(VariableListField::externalName).toList());
    ArrayNode json = JsonOutput.array();
    for (Map<VariableListField, String> row : rows) {
      List<String> cells = new ArrayList<>();
      ObjectNode object = json.addObject();
      for (VariableListField field : VariableListField.values()) {
        cells.add(row.get(field));
        object.put(field.externalName(), row.get(field));
      }
      table.add(cells);
    }
    return new ExportResult(ExportFormat.HELSEDATA, List.of(
        new ExportFile(DATASET_FILE, "application/ld+json", JsonOutput.write(dataset())),
        new ExportFile(VARIABLES_CSV, "text/csv", table.toCsv(',')),
        new ExportFile(VARIABLES_JSON, "application/json", JsonOutput.write(json))), notes);
  }

  // ---- the dataset ------------------------------------------------------------------------------

  private ObjectNode dataset() {
    ObjectNode root = JsonOutput.object();
    ObjectNode context = root.putObject("@context");
    context.put("dcat", "http://www.w3.org/ns/dcat#");
    context.put("dct", "http://purl.org/dc/terms/");
    context.put("dcatap", "http://data.europa.eu/r5r/");
    context.put("foaf", "http://xmlns.com/foaf/0.1/");
    context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
    context.put("adms", "http://www.w3.org/ns/adms#");
    context.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
    context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
    root.put("@id", "urn:regforms:dataset:" + registry.id());
    root.put("@type", "dcat:Dataset");
    root.put("dct:identifier", registry.id());
    root.set("dct:title", languageMap(registry.title()));
    root.set("dct:description", languageMap(registry.description().orElse(registry.title())));
    if (registry.description().isEmpty()) {
      note("", "the registry has no description; its title is used as dct:description (mandatory)");
    }
    root.set("dct:publisher", publisher());
    root.set("dcat:contactPoint", contactPoint());
    ArrayNode themes = root.putArray("dcat:theme");
    themes.addObject().put("@id", THEME_EU_HEALTH);
    themes.addObject().put("@id", THEME_LOS_HEALTH);
    root.putObject("dct:accessRights").put("@id", ACCESS_NON_PUBLIC);
    root.putObject("dcatap:applicableLegislation").put("@id", QUALITY_REGISTRY_REGULATION);
    registry.legalBasis().ifPresent(basis -> {
      ObjectNode rights = root.putObject("dct:rights");
      rights.put("@type", "dct:RightsStatement");
      rights.set("rdfs:label", languageMap(basis));
    });
    temporal().ifPresent(t -> root.set("dct:temporal", t));
    if (!registry.keywords().isEmpty()) {
      ArrayNode keywords = root.putArray("dcat:keyword");
      for (String keyword : registry.keywords()) {
        keywords.addObject().put("@value", keyword).put("@language", "nb");
      }
    }
    if (!registry.version().isEmpty()) {
      root.put("dcat:version", registry.version());
    }
    ArrayNode distributions = root.putArray("dcat:distribution");
    distribution(distributions.addObject(), VARIABLES_CSV, "text/csv", "Variabelliste (CSV)", "Variable list (CSV)");
    distribution(distributions.addObject(), VARIABLES_JSON, "application/json", "Variabelliste (JSON)", "Variable list (JSON)");
    return root;
  }

  private static void distribution(ObjectNode node, String file, String mediaType, String nb, String en) {
    node.put("@type", "dcat:Distribution");
    node.set("dct:title", languageMap(LocalizedText.nbEn(nb, en)));
    node.putObject("dcat:mediaType").put("@id", "https://www.iana.org/assignments/media-types/" + mediaType);
    node.put("dct:identifier", file.substring(file.indexOf('/') + 1));
  }

  private ObjectNode publisher() {
    ObjectNode publisher = JsonOutput.object();
    Optional<Registry.Owner> owner = registry.owner();
    Optional<String> orgnr = owner.flatMap(Registry.Owner::organisationNumber);
    if (orgnr.isPresent()) {
      publisher.put("@id", PUBLISHER_BASE + orgnr.get());
    } else {
      note("", "the registry's owner has no organisationNumber, so dct:publisher has no organisation-number URI");
    }
    publisher.put("@type", "foaf:Agent");
    owner.ifPresent(o -> publisher.set("foaf:name", languageMap(o.name())));
    orgnr.ifPresent(n -> publisher.put("dct:identifier", n));
    return publisher;
  }

  private ObjectNode contactPoint() {
    ObjectNode contact = JsonOutput.object();
    contact.put("@type", "vcard:Organization");
    Optional<Registry.Owner> owner = registry.owner();
    owner.ifPresent(o -> contact.put("vcard:fn", o.name().in("nb")));
    owner.flatMap(Registry.Owner::email).ifPresent(e -> contact.putObject("vcard:hasEmail").put("@id", "mailto:" + e));
    owner.flatMap(Registry.Owner::url).ifPresent(u -> contact.putObject("vcard:hasURL").put("@id", u));
    if (owner.flatMap(Registry.Owner::email).isEmpty() && owner.flatMap(Registry.Owner::url).isEmpty()) {
      note("", "the registry's owner has neither email nor url for dcat:contactPoint");
    }
    return contact;
  }

  private Optional<ObjectNode> temporal() {
    Optional<LocalDate> start = registry.forms().values().stream().map(Form::validFrom).flatMap(Optional::stream)
        .min(LocalDate::compareTo);
    if (start.isEmpty()) {
      note("", "no form has validFrom, so dct:temporal is left out");
      return Optional.empty();
    }
    ObjectNode period = JsonOutput.object();
    period.put("@type", "dct:PeriodOfTime");
    period.putObject("dcat:startDate").put("@value", start.get().toString()).put("@type", "xsd:date");
    boolean open = registry.forms().values().stream().anyMatch(f -> f.validTo().isEmpty());
    if (!open) {
      registry.forms().values().stream().map(Form::validTo).flatMap(Optional::stream).max(LocalDate::compareTo)
          .ifPresent(end -> period.putObject("dcat:endDate").put("@value", end.toString()).put("@type", "xsd:date"));
    }
    return Optional.of(period);
  }

  /** A JSON-LD value array of language-tagged strings. */
  private static ArrayNode languageMap(LocalizedText text) {
    ArrayNode values = JsonOutput.array();
    text.texts().forEach((language, value) -> values.addObject().put("@value", value).put("@language", language));
    return values;
  }

  // ---- the variable list ------------------------------------------------------------------------

  /** The rows of the variable list, in form and display order. */
  List<Map<VariableListField, String>> rows() {
    List<Map<VariableListField, String>> rows = new ArrayList<>();
    for (Form form : registry.forms().values()) {
      for (FormWalk.Entry entry : FormWalk.entries(form)) {
        rows.add(row(form, entry));
      }
    }
    return rows;
  }

  private Map<VariableListField, String> row(Form form, FormWalk.Entry entry) {
    Variable v = entry.variable();
    Map<VariableListField, String> row = new EnumMap<>(VariableListField.class);
    row.put(VariableListField.IDENTIFIER, registry.id() + "." + form.id() + "." + entry.path());
    row.put(VariableListField.REGISTRY, registry.id());
    row.put(VariableListField.FORM, form.id());
    row.put(VariableListField.FORM_NAME, form.title().in("nb"));
    row.put(VariableListField.FORM_VERSION, form.version());
    row.put(VariableListField.GROUP, entry.repeat().map(r -> r.id()).orElse(""));
    row.put(VariableListField.SECTION, entry.section().map(s -> s.title().in("nb")).orElse(""));
    row.put(VariableListField.VARIABLE, v.id());
    row.put(VariableListField.LABEL_NB, v.labelOrId().in("nb"));
    row.put(VariableListField.LABEL_NN, CodebookTerms.exactly(v.label(), "nn"));
    row.put(VariableListField.LABEL_EN, CodebookTerms.exactly(v.label(), "en"));
    row.put(VariableListField.DESCRIPTION, CodebookTerms.text(v.description(), "nb"));
    row.put(VariableListField.HELP, CodebookTerms.text(v.help(), "nb"));
    row.put(VariableListField.DATA_TYPE, v.type().jsonName());
    row.put(VariableListField.VARIABLE_TYPE, CodebookTerms.variableType(v));
    row.put(VariableListField.UNIT, v.unit().orElse(""));
    Optional<CodeList> list = v.codeList().flatMap(registry::codeList);
    row.put(VariableListField.CODE_LIST, list.map(CodeList::id).orElse(""));
    row.put(VariableListField.CODE_SYSTEM, list.map(CodeList::system).orElse(""));
    row.put(VariableListField.CODE_SYSTEM_OID, list.flatMap(CodeList::systemOid).orElse(""));
    row.put(VariableListField.CODE_SYSTEM_VERSION, list.flatMap(CodeList::systemVersion).orElse(""));
    row.put(VariableListField.CODES, CodebookTerms.codes(registry, v, "nb"));
    row.put(VariableListField.MISSING_CODES, CodebookTerms.missing(registry, v, "nb"));
    row.put(VariableListField.REQUIRED, v.required() ? "ja" : "nei");
    row.put(VariableListField.MIN, CodebookTerms.min(v.range()));
    row.put(VariableListField.MAX, CodebookTerms.max(v.range()));
    row.put(VariableListField.MIN_PLAUSIBLE, CodebookTerms.min(v.plausibleRange()));
    row.put(VariableListField.MAX_PLAUSIBLE, CodebookTerms.max(v.plausibleRange()));
    row.put(VariableListField.DECIMALS, CodebookTerms.decimals(v));
    row.put(VariableListField.MAX_LENGTH, v.maxLength().map(String::valueOf).orElse(""));
    row.put(VariableListField.CONDITION, CodebookTerms.conditions(entry.conditions()));
    row.put(VariableListField.REQUIRED_IF, v.requiredIf().map(f -> f.text()).orElse(""));
    row.put(VariableListField.FORMULA, v.compute().map(f -> f.text()).orElse(""));
    // Explicit dates win; otherwise the variable's validity is that of the versions it lived in.
    VersionHistory.Lifespan lifespan = registry.history().variable(form.id(), v.id());
    row.put(VariableListField.VALID_FROM, v.validFrom().or(form::validFrom)
        .or(() -> registry.history().firstDay(lifespan)).map(LocalDate::toString).orElse(""));
    row.put(VariableListField.VALID_TO, v.validTo().or(form::validTo)
        .or(() -> registry.history().lastDay(lifespan)).map(LocalDate::toString).orElse(""));
    Respondent respondent = v.respondent().orElse(form.respondent());
    row.put(VariableListField.RESPONDENT, respondent.name().toLowerCase(Locale.ROOT));
    row.put(VariableListField.SENSITIVITY, v.sensitivity().name().toLowerCase(Locale.ROOT));
    return row;
  }

  private void note(String item, String message) {
    // Registry-level metadata lives in registry.json; point the reader there.
    notes.add(new ExportNote(ExportFormat.HELSEDATA, "", item, message, SourceLocation.of("registry.json", 0, 0, "")));
  }
}
