/**
 * Synthetic registry data: realistic records of invented patients, for tests, demonstrations and
 * benchmarks, deterministic from a seed, with a controlled share of planted faults.
 */
package no.regforms.synthetic;
