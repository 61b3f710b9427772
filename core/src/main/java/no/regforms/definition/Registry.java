package no.regforms.definition;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.LocalizedText;

/**
 * A loaded, checked and compiled registry: its forms, code lists and indicators.
 *
 * <p>Immutable and thread-safe: load it once and share it. Obtain one from {@link
 * DefinitionLoader}; every expression in it has been type-checked and compiled.
 */
public final class Registry {

  /** The missing-value reasons every registry knows, with their labels. */
  public static final Map<String, LocalizedText> BUILT_IN_MISSING_REASONS = builtInMissingReasons();

  private final String id;
  private final LocalizedText title;
  private final Optional<LocalizedText> description;
  private final String version;
  private final List<String> languages;
  private final Optional<Owner> owner;
  private final Optional<LocalizedText> legalBasis;
  private final List<String> keywords;
  private final Optional<String> baseUri;
  private final Optional<String> licence;
  private final Optional<Period> temporal;
  private final Optional<String> notes;
  private final List<Issue> publicationGaps;
  private final Optional<String> helsenorgeEndpoint;
  private final Map<String, LocalizedText> missingReasons;
  private final Map<String, CodeList> codeLists;
  private final Map<String, Form> forms;
  private final Map<String, Indicator> indicators;
  private final Organisations organisations;
  private final Optional<SyntheticProfile> syntheticProfile;
  private final Map<String, List<IndicatorVersion>> indicatorVersions;
  private final List<InclusionCriterion> inclusion;
  private final Optional<String> episodeKey;
  private final VersionHistory history;
  private final Map<String, Lazy<Registry>> versions;
  private final VersionViews views;

  Registry(
      Header header,
      String version,
      Map<String, CodeList> codeLists,
      Map<String, Form> forms,
      Map<String, Indicator> indicators,
      Organisations organisations,
      Optional<SyntheticProfile> syntheticProfile,
      Map<String, List<IndicatorVersion>> indicatorVersions,
      List<InclusionCriterion> inclusion) {
    this.organisations = Objects.requireNonNull(organisations, "organisations");
    this.syntheticProfile = Objects.requireNonNull(syntheticProfile, "syntheticProfile");
    this.indicatorVersions = ordered(indicatorVersions);
    this.inclusion = List.copyOf(inclusion);
    this.history =
        new VersionHistory(
            List.of(
                new VersionHistory.Released(
                    version,
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    no.regforms.diagnostic.SourceLocation.UNKNOWN)),
            Map.of());
    this.versions = Map.of();
    this.views = null;
    this.id = Objects.requireNonNull(header.id, "id");
    this.title = Objects.requireNonNull(header.title, "title");
    this.description = header.description;
    this.version = version;
    this.languages = List.copyOf(header.languages);
    this.owner = header.owner;
    this.legalBasis = header.legalBasis;
    this.keywords = List.copyOf(header.keywords);
    this.baseUri = header.baseUri;
    this.licence = header.licence;
    this.temporal = header.temporal;
    this.notes = header.notes;
    this.publicationGaps = List.copyOf(header.publicationGaps);
    this.helsenorgeEndpoint = header.helsenorgeEndpoint;
    this.episodeKey = header.episodeKey;
    Map<String, LocalizedText> reasons = new LinkedHashMap<>(BUILT_IN_MISSING_REASONS);
    reasons.putAll(header.missingReasons);
    this.missingReasons = Collections.unmodifiableMap(reasons);
    this.codeLists = ordered(codeLists);
    this.forms = ordered(forms);
    this.indicators = ordered(indicators);
  }

  /**
   * This registry with its version history and the registry of every released version in {@code
   * views}, each given its history the first time it is asked for.
   */
  private Registry(Registry current, VersionHistory history, VersionViews views) {
    this.id = current.id;
    this.title = current.title;
    this.description = current.description;
    this.version = current.version;
    this.languages = current.languages;
    this.owner = current.owner;
    this.legalBasis = current.legalBasis;
    this.keywords = current.keywords;
    this.baseUri = current.baseUri;
    this.licence = current.licence;
    this.temporal = current.temporal;
    this.notes = current.notes;
    this.publicationGaps = current.publicationGaps;
    this.helsenorgeEndpoint = current.helsenorgeEndpoint;
    this.episodeKey = current.episodeKey;
    this.missingReasons = current.missingReasons;
    this.codeLists = current.codeLists;
    this.forms = current.forms;
    this.indicators = current.indicators;
    this.organisations = current.organisations;
    this.syntheticProfile = current.syntheticProfile;
    this.indicatorVersions = current.indicatorVersions;
    this.inclusion = current.inclusion;
    this.history = history;
    this.views = views;
    Map<String, Lazy<Registry>> all = new LinkedHashMap<>();
    if (views != null) {
      for (String name : history.names()) {
        if (views.has(name) && !name.equals(version)) {
          all.put(name, new Lazy<>(() -> new Registry(views.get(name), history, null)));
        }
      }
    }
    this.versions = Collections.unmodifiableMap(all);
  }

  /** This registry with {@code history}, the registry of each version in {@code views}. */
  Registry withHistory(VersionHistory history, VersionViews views) {
    return new Registry(this, history, views);
  }

  /**
   * The versions whose registry is built, in the order they were built: all at load for a folder,
   * the current one alone for a packaged module whose build checked its files, until others are
   * asked for.
   */
  List<String> builtVersions() {
    return views == null ? List.of(version) : views.built();
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static Map<String, LocalizedText> builtInMissingReasons() {
    Map<String, LocalizedText> reasons = new LinkedHashMap<>();
    reasons.put("unknown", LocalizedText.nbEn("Ukjent", "Unknown"));
    reasons.put("not_applicable", LocalizedText.nbEn("Ikke relevant", "Not applicable"));
    reasons.put("not_asked", LocalizedText.nbEn("Ikke spurt", "Not asked"));
    reasons.put("declined", LocalizedText.nbEn("Ønsker ikke å svare", "Declined to answer"));
    return Collections.unmodifiableMap(reasons);
  }

  /** The contents of {@code registry.json}. */
  static final class Header {
    String id;
    LocalizedText title;
    Optional<LocalizedText> description = Optional.empty();
    String version = "";
    List<String> languages = List.of(LocalizedText.DEFAULT_LANGUAGE);
    Optional<Owner> owner = Optional.empty();
    Optional<LocalizedText> legalBasis = Optional.empty();
    List<String> keywords = List.of();
    Optional<String> baseUri = Optional.empty();
    Optional<String> licence = Optional.empty();
    Optional<Period> temporal = Optional.empty();
    Optional<String> notes = Optional.empty();
    List<Issue> publicationGaps = List.of();
    Optional<String> helsenorgeEndpoint = Optional.empty();
    Optional<String> episodeKey = Optional.empty();
    List<String> formOrder = List.of();
    Map<String, LocalizedText> missingReasons = Map.of();
  }

  /**
   * The time the registry's data cover (helsedata.no's {@code dct:temporal}).
   *
   * @param start first day
   * @param end last day, if the registry has stopped collecting
   */
  public record Period(LocalDate start, Optional<LocalDate> end) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Period {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }

  /**
   * The data controller of the registry.
   *
   * @param name name
   * @param organisationNumber Norwegian organisation number (9 digits)
   * @param email contact e-mail
   * @param url web page
   */
  public record Owner(
      LocalizedText name,
      Optional<String> organisationNumber,
      Optional<String> email,
      Optional<String> url) {}

  /** Stable id, such as {@code ect}. */
  public String id() {
    return id;
  }

  /** Title. */
  public LocalizedText title() {
    return title;
  }

  /** Description. */
  public Optional<LocalizedText> description() {
    return description;
  }

  /** Definition version. */
  public String version() {
    return version;
  }

  /** The languages the registry's texts are given in; the first is the main language. */
  public List<String> languages() {
    return languages;
  }

  /** The data controller. */
  public Optional<Owner> owner() {
    return owner;
  }

  /** Legal basis, for metadata. */
  public Optional<LocalizedText> legalBasis() {
    return legalBasis;
  }

  /** Keywords, for metadata. */
  public List<String> keywords() {
    return keywords;
  }

  /**
   * The address under which the registry publishes its exports: the helsedata.no description's
   * identifiers and access URLs are built from it. Ends with {@code /}.
   */
  public Optional<String> baseUri() {
    return baseUri;
  }

  /**
   * The licence of the published metadata files, an IRI of the EU licence vocabulary, if the
   * registry names one.
   */
  public Optional<String> licence() {
    return licence;
  }

  /** The time the registry's data cover, if {@code registry.json} gives it. */
  public Optional<Period> temporal() {
    return temporal;
  }

  /**
   * The registry developers' notes on the registry (sources, assumptions); never shown to users.
   */
  public Optional<String> notes() {
    return notes;
  }

  /**
   * The facts helsedata.no's DCAT-AP-NO description requires that {@code registry.json} does not
   * give (organisation number, contact, base URI), as warnings located in {@code registry.json};
   * empty when the registry can be published. The helsedata export refuses while any is missing;
   * the loader reports them when the registry names an {@code owner} or a {@code baseUri}, that is,
   * when it means to publish.
   */
  public List<Issue> publicationGaps() {
    return publicationGaps;
  }

  /**
   * The reference of the Endpoint in Helsenorge's form catalogue that receives the answers to the
   * registry's patient forms ({@code Endpoint/<id>}), exported as {@code sdf-endpoint}.
   */
  public Optional<String> helsenorgeEndpoint() {
    return helsenorgeEndpoint;
  }

  /** Every missing-value reason the registry knows (built in and its own), with labels. */
  public Map<String, LocalizedText> missingReasons() {
    return missingReasons;
  }

  /** Code lists by id, in file order. */
  public Map<String, CodeList> codeLists() {
    return codeLists;
  }

  /** Forms by id, in file order. */
  public Map<String, Form> forms() {
    return forms;
  }

  /** Indicators by id, in file order. */
  public Map<String, Indicator> indicators() {
    return indicators;
  }

  /**
   * The organisation table: the shared Norwegian regions and health trusts plus the registry's own
   * units from {@code organisations.json} (no units when the registry has no such file).
   */
  public Organisations organisations() {
    return organisations;
  }

  /**
   * The released versions of the registry, oldest first, and the versions each form, variable, code
   * and indicator lived in ({@code since}/{@code until}).
   */
  public VersionHistory history() {
    return history;
  }

  /**
   * The registry as version {@code name} defined it: this registry for its own version; for an
   * earlier one, the forms, variables, codes, rules and indicators that version had. Empty when the
   * registry never had that version; an earlier version's registry holds no other version.
   *
   * <p>A registry loaded from a packaged module whose build checked its files builds an earlier
   * version's registry here, the first time it is asked for: once, however many threads ask.
   *
   * @throws IllegalStateException naming the registry and version, if that build has errors (which
   *     the module's build check rules out while regforms reads the files as it did then)
   */
  public Optional<Registry> atVersion(String name) {
    if (name.equals(version)) return Optional.of(this);
    Lazy<Registry> view = versions.get(name);
    return view == null ? Optional.empty() : Optional.of(view.get());
  }

  /**
   * Every definition of indicator {@code id} by reporting year, oldest first and the current one
   * last ({@code history} in its file); empty when the registry has no such indicator.
   */
  public List<IndicatorVersion> indicatorVersions(String id) {
    return indicatorVersions.getOrDefault(id, List.of());
  }

  /**
   * The definition of indicator {@code id} that applies to reporting year {@code year}; empty when
   * none does (a year before the indicator's {@code fromYear} or after its {@code untilYear}).
   */
  public Optional<IndicatorVersion> indicatorVersion(String id, int year) {
    return indicatorVersions(id).stream().filter(dated -> dated.covers(year)).findFirst();
  }

  /**
   * The variable whose value ties a patient's records into one episode ({@code episodeKey} in
   * {@code registry.json}), read by indicators with {@code "subject": "episode"}.
   */
  public Optional<String> episodeKey() {
    return episodeKey;
  }

  /**
   * The registry's inclusion criteria in this version ({@code inclusion} in {@code registry.json}).
   */
  public List<InclusionCriterion> inclusion() {
    return inclusion;
  }

  /**
   * What the registry's synthetic patients look like ({@code synthetic.json}), if the registry
   * describes it.
   */
  public Optional<SyntheticProfile> syntheticProfile() {
    return syntheticProfile;
  }

  /** The form {@code id}, if the registry has it. */
  public Optional<Form> form(String id) {
    return Optional.ofNullable(forms.get(id));
  }

  /**
   * The form {@code id}.
   *
   * @throws IllegalArgumentException naming the known forms, if there is no such form
   */
  public Form formOrThrow(String id) {
    Form form = forms.get(id);
    if (form == null) {
      throw new IllegalArgumentException(
          "registry '"
              + this.id
              + "' has no form '"
              + id
              + "'; its forms are "
              + String.join(", ", forms.keySet()));
    }
    return form;
  }

  /** The code list {@code id}, if the registry has it. */
  public Optional<CodeList> codeList(String id) {
    return Optional.ofNullable(codeLists.get(id));
  }

  /** The number of variables in all forms, repeat-group members included. */
  public int variableCount() {
    int count = 0;
    for (Form form : forms.values()) {
      count += form.variables().size();
      for (RepeatGroup repeat : form.repeats().values()) {
        count += repeat.variables().size();
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return "Registry[" + id + " " + version + "]";
  }
}
