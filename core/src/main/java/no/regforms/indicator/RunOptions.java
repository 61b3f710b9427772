package no.regforms.indicator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an indicator run computes and how it reads its input.
 *
 * @param years the report years, e.g. {@code [2020, ..., 2024]} for a trend ending in 2024
 * @param indicators ids of the indicators to compute; empty for all
 * @param expected expected counts for coverage indicators
 * @param sortedByPatient whether the input is sorted by patient key, so patients are assembled as
 *     the records stream by; otherwise records are sorted first, spilling to disk beyond {@code
 *     maxRecordsInMemory}
 * @param maxRecordsInMemory records held in memory before a sorted run is spilled to disk
 * @param spillDirectory where spill files go (default: the system temporary directory)
 * @param today the date {@code today()} gives in expressions
 */
public record RunOptions(
    List<Integer> years,
    Set<String> indicators,
    ExpectedCounts expected,
    boolean sortedByPatient,
    int maxRecordsInMemory,
    Optional<Path> spillDirectory,
    LocalDate today) {

  /** Records held in memory by default before spilling. */
  public static final int DEFAULT_MAX_RECORDS_IN_MEMORY = 200_000;

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public RunOptions {
    years = years.stream().sorted().distinct().toList();
    if (years.isEmpty()) throw new IllegalArgumentException("at least one year");
    indicators = Set.copyOf(indicators);
    Objects.requireNonNull(expected, "expected");
    if (maxRecordsInMemory < 1)
      throw new IllegalArgumentException("maxRecordsInMemory must be at least 1");
    Objects.requireNonNull(spillDirectory, "spillDirectory");
    Objects.requireNonNull(today, "today");
  }

  /** All indicators for {@code years}, unsorted input, no expected counts. */
  public static RunOptions years(Integer... years) {
    return new RunOptions(
        List.of(years),
        Set.of(),
        ExpectedCounts.NONE,
        false,
        DEFAULT_MAX_RECORDS_IN_MEMORY,
        Optional.empty(),
        LocalDate.now());
  }

  /** The same options with {@code expected} counts. */
  public RunOptions withExpected(ExpectedCounts expected) {
    return new RunOptions(
        years, indicators, expected, sortedByPatient, maxRecordsInMemory, spillDirectory, today);
  }

  /** The same options computing only {@code ids}. */
  public RunOptions withIndicators(Set<String> ids) {
    return new RunOptions(
        years, ids, expected, sortedByPatient, maxRecordsInMemory, spillDirectory, today);
  }

  /** The same options, declaring whether the input is sorted by patient. */
  public RunOptions withSortedByPatient(boolean sorted) {
    return new RunOptions(
        years, indicators, expected, sorted, maxRecordsInMemory, spillDirectory, today);
  }

  /** The same options with another memory bound and spill directory. */
  public RunOptions withSpill(int maxRecordsInMemory, Optional<Path> spillDirectory) {
    return new RunOptions(
        years, indicators, expected, sortedByPatient, maxRecordsInMemory, spillDirectory, today);
  }

  /** The same options with {@code today} as the date of {@code today()}. */
  public RunOptions withToday(LocalDate today) {
    return new RunOptions(
        years, indicators, expected, sortedByPatient, maxRecordsInMemory, spillDirectory, today);
  }
}
