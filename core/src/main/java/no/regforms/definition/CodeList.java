package no.regforms.definition;

import jakarta.validation.constraints.Pattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.regforms.diagnostic.LocalizedText;
import no.regforms.diagnostic.SourceLocation;

/**
 * A list of codes a {@code code} or {@code codes} variable takes its values from.
 *
 * @param id stable id
 * @param title its text
 * @param description a longer explanation
 * @param system the code system ({@code icd10}, {@code atc}, {@code local}, ...)
 * @param systemOid the OID of a national code system (Volven), if any
 * @param systemVersion the version of that code system
 * @param codes the codes, in display order
 * @param notes the registry developers' notes (sources, assumptions); never shown to users
 * @param location where the list is defined
 */
public record CodeList(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    LocalizedText title,
    Optional<LocalizedText> description,
    String system,
    Optional<String> systemOid,
    Optional<String> systemVersion,
    List<Code> codes,
    Optional<String> notes,
    SourceLocation location) {

  /**
   * Rejects null or invalid components and keeps copies of collections, so the record stays
   * immutable.
   */
  public CodeList {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(system, "system");
    codes = List.copyOf(codes);
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(location, "location");
  }

  /** The code {@code code}, if the list has it. */
  public Optional<Code> code(String code) {
    return codes.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** The codes by value, in list order. */
  public Map<String, Code> byCode() {
    Map<String, Code> map = new LinkedHashMap<>();
    codes.forEach(c -> map.putIfAbsent(c.code(), c));
    return Collections.unmodifiableMap(map);
  }
}
