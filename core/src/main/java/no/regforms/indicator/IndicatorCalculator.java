package no.regforms.indicator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import no.regforms.definition.Formula;
import no.regforms.definition.InclusionCriterion;
import no.regforms.definition.Indicator;
import no.regforms.definition.IndicatorVersion;
import no.regforms.definition.Registry;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import no.regforms.record.JsonLinesRecordReader;
import no.regforms.record.Record;
import no.regforms.record.RecordLimits;
import no.regforms.record.RecordLine;
import no.regforms.validation.RecordValidator;
import no.regforms.validation.ValidationResult;

/**
 * Computes a registry's quality indicators from its records.
 *
 * <p>A case is one record of the indicator's form ({@code subject: form}), one patient with all
 * their records ({@code subject: patient}: the base form's values, plus every form as a list of
 * rows named by its id), one record of the form with the patient's records linking to it ({@code
 * pathway}) or one episode, the patient's records sharing the registry's episode key ({@code
 * episode}). Each record is validated first, so expressions see typed values and an invalid value
 * counts as missing. For each year asked for, a case counts when its period equals the year and its
 * denominator is true; it is then excluded when an exclusion is true, and otherwise counted, in the
 * numerator when that is true. An unknown denominator, numerator or value leaves the case out,
 * counted by the variables that were missing. Cases are attributed to the treating unit or the home
 * health trust, and results grouped unit → HF → RHF → nation.
 *
 * <p>Immutable and thread-safe; a run's state lives in the call. Bad input is reported in {@link
 * IndicatorResults#diagnostics()}, never thrown; no record value or patient key is logged.
 *
 * <pre>{@code
 * IndicatorCalculator calculator = IndicatorCalculator.of(registry);
 * IndicatorResults results = calculator.calculate(Path.of("records.jsonl"), RunOptions.years(2022, 2023, 2024));
 * }</pre>
 */
public final class IndicatorCalculator {

  /** What an inclusion verdict holds when every criterion passed (else the failed one's id). */
  private static final Object INCLUDED = new Object();

  private final Registry registry;
  private final RecordValidator validator;

  private IndicatorCalculator(Registry registry) {
    this.registry = registry;
    this.validator = RecordValidator.of(registry);
  }

  /** A calculator for {@code registry}'s indicators. */
  public static IndicatorCalculator of(Registry registry) {
    return new IndicatorCalculator(Objects.requireNonNull(registry, "registry"));
  }

  /** The registry whose indicators this computes. */
  public Registry registry() {
    return registry;
  }

  /**
   * Computes from a JSON Lines file in one pass when it is sorted by patient (most extracts are):
   * the order is checked as the records stream, and patients go through as they end. Only a file
   * found out of order is read once more, its records sorted with bounded memory.
   *
   * @throws IOException if the file cannot be read
   */
  public IndicatorResults calculate(Path records, RunOptions options) throws IOException {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(options, "options");
    if (!options.sortedByPatient()) {
      Optional<IndicatorResults> streamed = read(records, options.withSortedByPatient(true), false);
      if (streamed.isPresent()) return streamed.get();
    }
    return read(records, options, true).orElseThrow();
  }

  /**
   * Computes in one pass from records that are most likely sorted by patient (a file a host can
   * read again): empty as soon as a patient key comes out of order, and the caller then reads the
   * records once more through {@link #calculate(Iterator, RunOptions)} without {@code
   * sortedByPatient}, which sorts them with bounded memory. What {@link #calculate(Path,
   * RunOptions)} does, for a host that reads the records itself.
   */
  public Optional<IndicatorResults> calculateIfSorted(
      Iterator<Record> records, RunOptions options) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(options, "options");
    return calculate(records, options.withSortedByPatient(true), false);
  }

  /**
   * One pass over the file; empty when {@code options} take it as sorted, it is not, and that is
   * not to be reported.
   */
  private Optional<IndicatorResults> read(Path records, RunOptions options, boolean reportUnsorted)
      throws IOException {
    List<Issue> unreadable = new ArrayList<>();
    try (JsonLinesRecordReader reader = JsonLinesRecordReader.open(records, RecordLimits.DEFAULTS);
        Stream<RecordLine> lines = reader.lines()) {
      Iterator<Record> iterator =
          lines
              .peek(line -> line.problem().ifPresent(unreadable::add))
              .flatMap(line -> line.record().stream())
              .iterator();
      return calculate(iterator, options, reportUnsorted)
          .map(
              results -> {
                List<Issue> all = new ArrayList<>(unreadable);
                all.addAll(results.diagnostics().issues());
                return new IndicatorResults(
                    results.years(), results.results(), Diagnostics.of(all));
              });
    }
  }

  /** Computes from records in any order (or sorted by patient, as {@code options} declares). */
  public IndicatorResults calculate(Iterator<Record> records, RunOptions options) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(options, "options");
    return calculate(records, options, true).orElseThrow();
  }

  private Optional<IndicatorResults> calculate(
      Iterator<Record> records, RunOptions options, boolean reportUnsorted) {
    List<Issue> runIssues = new ArrayList<>();
    Run run = new Run(selected(options, new ArrayList<>()), options);
    CaseAssembler assembler =
        new CaseAssembler(
            options.sortedByPatient(),
            options.maxRecordsInMemory(),
            options.spillDirectory(),
            runIssues);
    assembler.assemble(records, run::patient);
    if (assembler.unsorted()) {
      if (!reportUnsorted) return Optional.empty();
      List<Issue> issues = new ArrayList<>(options.expected().diagnostics().issues());
      selected(options, issues);
      issues.addAll(runIssues);
      return Optional.of(new IndicatorResults(options.years(), List.of(), Diagnostics.of(issues)));
    }
    run.summarise(runIssues);
    return Optional.of(results(run.counts(), options, runIssues));
  }

  /**
   * Results from cases counted elsewhere (the SQL engine counts in a database): groups the counts
   * unit → HF → RHF → nation through the organisation table, and computes values, intervals, levels
   * and suppression exactly as for records counted here.
   *
   * @param counts the counts of the indicators and years of {@code options}, per attribution group
   * @param options the run's years, indicators and expected counts
   * @param runIssues issues met while counting (unreadable records and the like), reported first
   */
  public IndicatorResults results(
      Collection<CaseCounts> counts, RunOptions options, List<Issue> runIssues) {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(options, "options");
    List<Issue> issues = new ArrayList<>(options.expected().diagnostics().issues());
    List<Indicator> indicators = selected(options, issues);
    issues.addAll(runIssues);
    Map<String, Map<Integer, Map<String, Tally>>> tallies = new HashMap<>();
    Map<String, Long> unknownUnits = new TreeMap<>();
    for (CaseCounts count : counts) {
      Indicator indicator = registry.indicators().get(count.indicator());
      if (indicator == null) continue;
      String group = count.group();
      if ("home_hf".equals(indicator.attribution())) {
        group =
            registry.organisations().healthTrust(group).map(h -> h.id()).orElse(Aggregator.UNKNOWN);
      } else if (!group.equals(Aggregator.UNKNOWN)
          && registry.organisations().unit(group, LocalDate.of(count.year(), 12, 31)).isEmpty()) {
        unknownUnits.merge(group, count.cases(), Long::sum);
      }
      tallies
          .computeIfAbsent(indicator.id(), k -> new HashMap<>())
          .computeIfAbsent(count.year(), k -> new HashMap<>())
          .computeIfAbsent(group, k -> new Tally())
          .add(count);
    }
    unknownUnits.forEach(
        (resh, cases) ->
            issues.add(
                Issue.warning(
                        IssueCode.UNKNOWN_UNIT,
                        "unit "
                            + resh
                            + " is not in the organisation table ("
                            + cases
                            + (cases == 1 ? " case-year" : " case-years")
                            + "); its cases count under an unknown HF",
                        SourceLocation.of("organisations.json", 0, 0, "/units"))
                    .withHint(
                        "add the unit with its health trust and organisation number to organisations.json")));
    List<IndicatorResult> results = new ArrayList<>();
    Aggregator aggregator = new Aggregator(registry.organisations(), options.expected());
    for (Indicator indicator : indicators) {
      for (int year : options.years()) {
        Map<String, Tally> byGroup =
            tallies.getOrDefault(indicator.id(), Map.of()).getOrDefault(year, Map.of());
        Optional<IndicatorVersion> dated = registry.indicatorVersion(indicator.id(), year);
        if (dated.isEmpty()) continue;
        aggregator
            .aggregate(dated.get().indicator(), year, byGroup)
            .forEach(result -> results.add(result.withVersion(dated.get().version())));
      }
    }
    return new IndicatorResults(options.years(), results, Diagnostics.of(issues));
  }

  private List<Indicator> selected(RunOptions options, List<Issue> issues) {
    for (String id : new TreeSet<>(options.indicators())) {
      if (!registry.indicators().containsKey(id)) {
        issues.add(
            Issue.error(
                    IssueCode.INVALID_VALUE,
                    "registry '" + registry.id() + "' has no indicator '" + id + "'",
                    SourceLocation.UNKNOWN)
                .withHint("its indicators: " + String.join(", ", registry.indicators().keySet())));
      }
    }
    List<Indicator> selected =
        registry.indicators().values().stream()
            .filter(i -> options.indicators().isEmpty() || options.indicators().contains(i.id()))
            .toList();
    for (Indicator indicator : selected) {
      if ("home_hf".equals(indicator.attribution()) && indicator.homeHf().isEmpty()) {
        issues.add(
            Issue.warning(
                    IssueCode.MISSING_KEY,
                    "indicator '"
                        + indicator.id()
                        + "' is attributed to the home HF but names no 'homeHf' (and its form has no home_hf variable); "
                        + "its cases count under an unknown HF",
                    indicator.location())
                .withHint("add \"homeHf\": \"<variable holding the home HF>\" to the indicator"));
      }
    }
    return selected;
  }

  /** The state of one run: tallies per indicator, year and attribution group. */
  private final class Run {
    private final List<Indicator> indicators;
    private final RunOptions options;
    private final Map<String, Map<Integer, Map<String, Tally>>> tallies = new HashMap<>();

    /** For each of {@link #indicators}, in the same order, its countings in the run's years. */
    private final List<List<Counting>> countings = new ArrayList<>();

    /** The number of distinct (form, year) inclusion checks the countings share. */
    private final int inclusionSlots;

    /**
     * The current patient's inclusion verdicts, by case values (by identity) and inclusion slot: a
     * case's criteria are checked once per year, however many indicators count it.
     */
    private final Map<Map<String, Object>, Object[]> inclusionVerdicts = new IdentityHashMap<>();

    private long records;
    private long withErrors;
    private long wrongForm;
    private long casesInYears;
    private int firstPeriod = Integer.MAX_VALUE;
    private int lastPeriod = Integer.MIN_VALUE;

    Run(List<Indicator> indicators, RunOptions options) {
      this.indicators = indicators;
      this.options = options;
      Map<String, List<InclusionCriterion>> criteria = new HashMap<>();
      for (InclusionCriterion criterion : registry.inclusion()) {
        criteria.computeIfAbsent(criterion.form(), k -> new ArrayList<>()).add(criterion);
      }
      Map<String, Integer> slots = new HashMap<>();
      for (Indicator indicator : indicators) {
        List<Counting> byYear = new ArrayList<>();
        for (int year : options.years()) {
          // Each year is counted by the definition valid that year (an indicator's history).
          Optional<IndicatorVersion> dated = registry.indicatorVersion(indicator.id(), year);
          if (dated.isEmpty()) continue;
          Indicator definition = dated.get().indicator();
          List<InclusionCriterion> checks = criteria.getOrDefault(definition.form(), List.of());
          int slot =
              checks.isEmpty()
                  ? -1
                  : slots.computeIfAbsent(definition.form() + '\n' + year, k -> slots.size());
          byYear.add(
              new Counting(
                  definition,
                  CaseContext.Parameters.of(year),
                  tallies
                      .computeIfAbsent(definition.id(), k -> new HashMap<>())
                      .computeIfAbsent(year, k -> new HashMap<>()),
                  checks,
                  slot));
        }
        countings.add(byYear);
      }
      this.inclusionSlots = slots.size();
    }

    List<CaseCounts> counts() {
      List<CaseCounts> counts = new ArrayList<>();
      tallies.forEach(
          (indicator, years) ->
              years.forEach(
                  (year, groups) ->
                      groups.forEach(
                          (group, tally) ->
                              counts.add(CaseCounts.of(indicator, year, group, tally)))));
      return counts;
    }

    void patient(List<Record> group) {
      Map<Record, Map<String, Object>> typed = new IdentityHashMap<>();
      for (Record record : group) {
        records++;
        ValidationResult result = validator.validate(record);
        if (isWrongForm(result)) {
          wrongForm++;
          continue;
        }
        if (result.hasErrors()) withErrors++;
        typed.put(record, result.values());
      }
      if (typed.isEmpty()) return;
      if (!inclusionVerdicts.isEmpty()) inclusionVerdicts.clear();
      List<Record> valid = group.stream().filter(typed::containsKey).sorted(CANONICAL).toList();
      Map<String, Object> rows = null;
      // The first record of each form (valid is in canonical order): a patient case's base.
      Map<String, Record> bases = null;
      // A patient's values (the base record's, and every form's rows) are built once per base
      // record.
      Map<Record, Map<String, Object>> patientValues = new IdentityHashMap<>();
      Map<Record, Map<String, Object>> pathwayValues = new IdentityHashMap<>();
      Map<Record, Map<String, Object>> episodeValues = null;
      for (int i = 0; i < indicators.size(); i++) {
        Indicator indicator = indicators.get(i);
        List<Counting> byYear = countings.get(i);
        switch (indicator.subject()) {
          case FORM -> {
            for (Record record : valid) {
              if (record.form().equals(indicator.form())) count(byYear, record, typed.get(record));
            }
          }
          case PATIENT -> {
            if (bases == null) {
              bases = new HashMap<>();
              for (Record record : valid) bases.putIfAbsent(record.form(), record);
            }
            Record base = bases.get(indicator.form());
            if (base == null) continue;
            if (rows == null) rows = rowsByForm(valid, typed);
            Map<String, Object> byForm = rows;
            count(
                byYear,
                base,
                patientValues.computeIfAbsent(base, b -> caseValues(b, byForm, typed)));
          }
          case PATHWAY -> {
            for (Record root : valid) {
              if (!root.form().equals(indicator.form())) continue;
              count(
                  byYear,
                  root,
                  pathwayValues.computeIfAbsent(
                      root, r -> caseValues(r, rowsByForm(pathway(r, valid), typed), typed)));
            }
          }
          case EPISODE -> {
            if (episodeValues == null) episodeValues = episodes(valid, typed);
            for (Map.Entry<Record, Map<String, Object>> episode : episodeValues.entrySet()) {
              if (episode.getKey().form().equals(indicator.form()))
                count(byYear, episode.getKey(), episode.getValue());
            }
          }
        }
      }
    }

    /** The base record's values over every form's rows. */
    private Map<String, Object> caseValues(
        Record base, Map<String, Object> rows, Map<Record, Map<String, Object>> typed) {
      Map<String, Object> merged = new HashMap<>(rows);
      merged.putAll(typed.get(base));
      return merged;
    }

    /**
     * A pathway's records: its root and the records that name the root's id under any link (direct
     * links only).
     */
    private List<Record> pathway(Record root, List<Record> valid) {
      if (root.id().isEmpty()) return List.of(root);
      return valid.stream().filter(r -> r == root || r.links().containsValue(root.id())).toList();
    }

    /**
     * The patient's episodes, each as the values of its opening record (the first of each form by
     * record id) over the episode's rows, keyed by that record: one entry per form that opens an
     * episode, so each indicator finds its own form's opening record. A record without a key value
     * is an episode of its own.
     */
    private Map<Record, Map<String, Object>> episodes(
        List<Record> valid, Map<Record, Map<String, Object>> typed) {
      String key = registry.episodeKey().orElseThrow();
      Map<String, List<Record>> byKey = new LinkedHashMap<>();
      List<List<Record>> grouped = new ArrayList<>();
      for (Record record : valid) {
        Object value = typed.get(record).get(key);
        if (value == null) grouped.add(List.of(record));
        else byKey.computeIfAbsent(value.toString(), k -> new ArrayList<>()).add(record);
      }
      grouped.addAll(byKey.values());
      Map<Record, Map<String, Object>> episodes = new IdentityHashMap<>();
      for (List<Record> episode : grouped) {
        Map<String, Object> rows = rowsByForm(episode, typed);
        java.util.Set<String> opened = new java.util.HashSet<>();
        for (Record record : episode) {
          // valid is in canonical order, so the first record of each form opens the episode.
          if (opened.add(record.form())) episodes.put(record, caseValues(record, rows, typed));
        }
      }
      return episodes;
    }

    private Map<String, Object> rowsByForm(
        List<Record> valid, Map<Record, Map<String, Object>> typed) {
      Map<String, Object> rows = new LinkedHashMap<>();
      for (String form : registry.forms().keySet())
        rows.put(form, new ArrayList<Map<String, Object>>());
      for (Record record : valid) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) rows.get(record.form());
        if (list != null) list.add(typed.get(record));
      }
      return rows;
    }

    private void count(List<Counting> byYear, Record record, Map<String, Object> values) {
      for (Counting counting : byYear) {
        Indicator indicator = counting.indicator();
        CaseContext context = new CaseContext(values, counting.parameters(), options.today());
        Object period = indicator.period().compiled().evaluate(context);
        if (!(period instanceof BigDecimal number)) continue;
        if (number.compareTo(counting.parameters().reportYear()) != 0) {
          notePeriod(number);
          continue;
        }
        Object denominator = indicator.denominator().compiled().evaluate(context);
        if (Boolean.FALSE.equals(denominator)) continue;
        casesInYears++;
        Tally tally = tally(counting, record, context);
        if (denominator == null) {
          tally.leftOut.merge(missing(indicator.denominator(), context), 1L, Long::sum);
          continue;
        }
        Object inclusion = inclusion(counting, values, context);
        if (inclusion != INCLUDED) {
          tally.excluded.merge((String) inclusion, 1L, Long::sum);
          continue;
        }
        String exclusion = exclusion(indicator, context);
        if (exclusion != null) {
          tally.excluded.merge(exclusion, 1L, Long::sum);
          continue;
        }
        switch (indicator.type()) {
          case PROPORTION:
            {
              Object numerator = indicator.numerator().orElseThrow().compiled().evaluate(context);
              if (numerator == null) {
                tally.leftOut.merge(missing(indicator.numerator().get(), context), 1L, Long::sum);
                continue;
              }
              tally.denominator++;
              if (Boolean.TRUE.equals(numerator)) tally.numerator++;
              break;
            }
          case MEAN:
          case MEDIAN:
          case SUM:
          case MIN:
          case MAX:
            {
              Object value = indicator.value().orElseThrow().compiled().evaluate(context);
              if (!(value instanceof BigDecimal amount)) {
                tally.leftOut.merge(missing(indicator.value().get(), context), 1L, Long::sum);
                continue;
              }
              tally.denominator++;
              tally.values.add(amount.doubleValue());
              break;
            }
          case COUNT:
            tally.denominator++;
            break;
          default: // COVERAGE: every counted case is a registered case.
            tally.denominator++;
            tally.numerator++;
        }
      }
    }

    /**
     * {@code INCLUDED} when the case meets the registry's inclusion criteria for the indicator's
     * form this year, else the id of the first it fails. Checked once per case and year: every
     * indicator of the form shares the verdict, as the criteria see the same values.
     */
    private Object inclusion(Counting counting, Map<String, Object> values, CaseContext context) {
      if (counting.inclusionSlot() < 0) return INCLUDED;
      Object[] verdicts =
          inclusionVerdicts.computeIfAbsent(values, v -> new Object[inclusionSlots]);
      Object verdict = verdicts[counting.inclusionSlot()];
      if (verdict == null) {
        verdict = INCLUDED;
        for (InclusionCriterion criterion : counting.inclusion()) {
          if (Boolean.FALSE.equals(criterion.check().compiled().evaluate(context))) {
            verdict = criterion.id();
            break;
          }
        }
        verdicts[counting.inclusionSlot()] = verdict;
      }
      return verdict;
    }

    /**
     * Keeps the first and last period seen, to say where the data lies when no case falls in the
     * years asked for.
     */
    private void notePeriod(BigDecimal period) {
      if (period.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) return;
      firstPeriod = Math.min(firstPeriod, period.intValue());
      lastPeriod = Math.max(lastPeriod, period.intValue());
    }

    private Tally tally(Counting counting, Record record, CaseContext context) {
      // The group as the case gives it; results() maps it through the organisation table.
      Indicator indicator = counting.indicator();
      String group;
      if ("home_hf".equals(indicator.attribution())) {
        Object hf = indicator.homeHf().map(f -> f.compiled().evaluate(context)).orElse(null);
        group = hf == null ? Aggregator.UNKNOWN : hf.toString();
      } else {
        group = record.unit().isEmpty() ? Aggregator.UNKNOWN : record.unit();
      }
      return counting.byGroup().computeIfAbsent(group, k -> new Tally());
    }

    void summarise(List<Issue> issues) {
      if (records > wrongForm && casesInYears == 0 && !indicators.isEmpty()) {
        issues.add(noCases(options.years(), firstPeriod, lastPeriod));
      }
      issues.addAll(recordIssues(records, withErrors, wrongForm));
    }
  }

  /**
   * One indicator counted in one year of a run: its definition that year, the year's parameters,
   * the tallies its cases go to by attribution group, and the registry's inclusion criteria for its
   * form with the slot their verdict is kept in per case (-1 when the form has none).
   */
  private record Counting(
      Indicator indicator,
      CaseContext.Parameters parameters,
      Map<String, Tally> byGroup,
      List<InclusionCriterion> inclusion,
      int inclusionSlot) {}

  /**
   * The error of a run whose records give no case in its years (a wrong {@code --year}), saying
   * where the data's cases fall when known ({@code firstPeriod <= lastPeriod}).
   */
  public static Issue noCases(List<Integer> years, int firstPeriod, int lastPeriod) {
    String span = years.get(0) + (years.size() > 1 ? "–" + years.get(years.size() - 1) : "");
    return Issue.error(
            IssueCode.NO_CASES,
            "no case of any indicator falls in "
                + span
                + (firstPeriod > lastPeriod
                    ? ""
                    : "; the cases in the data fall in "
                        + firstPeriod
                        + (firstPeriod == lastPeriod ? "" : "–" + lastPeriod)),
            SourceLocation.UNKNOWN)
        .withHint("choose --year (and --from-year) within the data");
  }

  /**
   * The run's warnings about its records: those of another registry or form (left out), and those
   * with validation errors (their invalid values counted as missing). Shared by the engines so they
   * report alike.
   */
  public static List<Issue> recordIssues(long records, long withErrors, long wrongForm) {
    List<Issue> issues = new ArrayList<>();
    if (wrongForm > 0) {
      issues.add(
          Issue.warning(
              IssueCode.WRONG_FORM,
              wrongForm
                  + " of "
                  + records
                  + (wrongForm == 1 ? " record belongs" : " records belong")
                  + " to another registry or to no form of this one; "
                  + (wrongForm == 1 ? "it was" : "they were")
                  + " left out",
              SourceLocation.UNKNOWN));
    }
    if (withErrors > 0) {
      issues.add(
          Issue.warning(
                  IssueCode.INVALID_VALUE,
                  withErrors
                      + " of "
                      + records
                      + (withErrors == 1 ? " record has" : " records have")
                      + " validation errors; invalid values counted as missing",
                  SourceLocation.UNKNOWN)
              .withHint("run './regforms validate' on the file to see them"));
    }
    return issues;
  }

  /** Whether the record belongs to another registry or to no form of this one. */
  private static boolean isWrongForm(ValidationResult result) {
    for (Issue issue : result.diagnostics().issues()) {
      if (issue.code() == IssueCode.WRONG_FORM) return true;
    }
    return false;
  }

  /** The id of the indicator's first exclusion that holds for the case, or null. */
  private static String exclusion(Indicator indicator, CaseContext context) {
    for (Indicator.Exclusion exclusion : indicator.exclusions()) {
      if (Boolean.TRUE.equals(exclusion.when().compiled().evaluate(context))) return exclusion.id();
    }
    return null;
  }

  /** The names an unknown result depended on that had no value. */
  private static String missing(Formula formula, CaseContext context) {
    TreeSet<String> names = new TreeSet<>();
    for (String name : formula.compiled().references()) {
      if (!CaseContext.isParameter(name) && context.value(name) == null) names.add(name);
    }
    if (names.isEmpty()) {
      // The unknown came from inside rows (a row's value was missing): name the row lists, as
      // followup[].
      for (String name : formula.compiled().references()) {
        if (context.value(name) instanceof List<?>) names.add(name + "[]");
      }
    }
    return names.isEmpty() ? "unknown" : String.join("+", names);
  }

  /**
   * An order of a patient's records that does not depend on input order: by form, id, unit, then
   * values.
   */
  private static final Comparator<Record> CANONICAL =
      Comparator.comparing(Record::form)
          .thenComparing(Record::id)
          .thenComparing(Record::unit)
          .thenComparing(r -> r.values().asMap().toString());
}
