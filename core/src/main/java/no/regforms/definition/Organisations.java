package no.regforms.definition;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.SourceLocation;

/**
 * The organisation hierarchy indicators are grouped by: reporting units (RESH id) belong to a
 * health trust (HF), which belongs to a region (RHF). Regions and health trusts come from the
 * shared Norwegian table shipped with the engine plus any the registry adds; units come from the
 * registry's {@code organisations.json}, each with a validity interval, so a RESH id maps to the
 * organisation number that was right on a given date.
 *
 * <p>Immutable and thread-safe. Lookups that may miss return {@link Optional}.
 *
 * @param regions regions (RHF) in table order
 * @param healthTrusts health trusts (HF) in table order, which is the order reports list them in
 * @param units reporting units, in file order
 */
public record Organisations(
    List<Region> regions, List<HealthTrust> healthTrusts, List<Unit> units) {

  /** The national level's organisation number in SKDE's tables. */
  public static final String NATION_ORGNR = "1";

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public Organisations {
    regions = List.copyOf(regions);
    healthTrusts = List.copyOf(healthTrusts);
    units = List.copyOf(units);
  }

  /**
   * A region (RHF).
   *
   * @param id stable id, such as {@code helse_vest}
   * @param name full name
   * @param orgnr organisation number
   */
  public record Region(String id, String name, String orgnr) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Region {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(orgnr, "orgnr");
    }
  }

  /**
   * A health trust (HF), or a private hospital treated as one.
   *
   * @param id stable id, such as {@code bergen}; a registry's home-HF codes use these ids
   * @param name full name
   * @param shortName short name for charts
   * @param orgnr organisation number
   * @param region id of its region
   */
  public record HealthTrust(String id, String name, String shortName, String orgnr, String region) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public HealthTrust {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(shortName, "shortName");
      Objects.requireNonNull(orgnr, "orgnr");
      Objects.requireNonNull(region, "region");
    }
  }

  /**
   * A reporting unit (a department, known by its RESH id) for an interval of time.
   *
   * @param resh RESH id as records carry it in {@code unit}
   * @param name name
   * @param healthTrust id of the health trust it belongs to
   * @param orgnr organisation number of the hospital it belongs to (SKDE's {@code orgnr})
   * @param validFrom first day the entry holds, or open
   * @param validTo last day the entry holds, or open
   * @param location where the entry is defined
   */
  public record Unit(
      String resh,
      String name,
      String healthTrust,
      String orgnr,
      Optional<LocalDate> validFrom,
      Optional<LocalDate> validTo,
      SourceLocation location) {
    /**
     * Rejects null or invalid components and keeps copies of collections, so the record stays
     * immutable.
     */
    public Unit {
      Objects.requireNonNull(resh, "resh");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(healthTrust, "healthTrust");
      Objects.requireNonNull(orgnr, "orgnr");
      Objects.requireNonNull(validFrom, "validFrom");
      Objects.requireNonNull(validTo, "validTo");
      Objects.requireNonNull(location, "location");
    }

    /** Whether the entry holds on {@code date}. */
    public boolean isValidOn(LocalDate date) {
      return validFrom.map(from -> !date.isBefore(from)).orElse(true)
          && validTo.map(to -> !date.isAfter(to)).orElse(true);
    }
  }

  /** The region {@code id}, if known. */
  public Optional<Region> region(String id) {
    return regions.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The health trust with id or organisation number {@code idOrOrgnr}, if known. */
  public Optional<HealthTrust> healthTrust(String idOrOrgnr) {
    return healthTrusts.stream()
        .filter(h -> h.id().equals(idOrOrgnr) || h.orgnr().equals(idOrOrgnr))
        .findFirst();
  }

  /**
   * The entry for RESH id {@code resh} valid on {@code date}; when none is valid on that date, the
   * entry whose interval ends closest before it, else the first one.
   */
  public Optional<Unit> unit(String resh, LocalDate date) {
    Unit fallback = null;
    for (Unit unit : units) {
      if (!unit.resh().equals(resh)) continue;
      if (unit.isValidOn(date)) return Optional.of(unit);
      if (fallback == null
          || unit.validTo().isPresent()
              && !unit.validTo().get().isAfter(date)
              && fallback.validTo().map(to -> to.isBefore(unit.validTo().get())).orElse(false)) {
        fallback = unit;
      }
    }
    return Optional.ofNullable(fallback);
  }

  /** The health trusts of each region, in table order. */
  public Map<String, List<HealthTrust>> healthTrustsByRegion() {
    Map<String, List<HealthTrust>> out = new LinkedHashMap<>();
    for (Region region : regions) {
      out.put(
          region.id(), healthTrusts.stream().filter(h -> h.region().equals(region.id())).toList());
    }
    return Collections.unmodifiableMap(out);
  }
}
