/**
 * Quality indicators computed from records: case assembly (records of a patient joined by the
 * patient key, streaming or spilled to disk), numerator and denominator with three-valued logic,
 * shares with Wilson intervals, means and medians, coverage against expected counts, SKDE's
 * attainment levels, small-number suppression, grouping unit → HF → RHF → nation, and the outputs:
 * a tidy results table, SKDE's upload and {@code ind} files, and an HTML report with SVG charts.
 *
 * <p>Entry point: {@link no.regforms.indicator.IndicatorCalculator}. See {@code
 * docs/indicators.md}.
 */
package no.regforms.indicator;
