package no.regforms.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.NameSuggester;
import no.regforms.diagnostic.SourceLocation;

/**
 * Reads the organisation table: the shared Norwegian regions and health trusts (a resource of this
 * package), then the registry's {@code organisations.json}, whose entries are checked for unknown
 * health trusts and regions, duplicate ids, inverted and overlapping validity intervals, each issue
 * located in the file.
 */
final class OrganisationReader {

  static final String SHARED_TABLE = "organisations/norway.json";

  private final List<Issue> issues;

  OrganisationReader(List<Issue> issues) {
    this.issues = issues;
  }

  /**
   * The table, from the shared one and {@code doc} (null when the registry has none or it failed
   * its schema).
   */
  Organisations read(JsonDocument doc) {
    Map<String, Organisations.Region> regions = new LinkedHashMap<>();
    Map<String, Organisations.HealthTrust> trusts = new LinkedHashMap<>();
    JsonNode shared = sharedTable();
    shared.path("regions").forEach(r -> regions.put(r.path("id").asText(), region(r)));
    shared.path("healthTrusts").forEach(h -> trusts.put(h.path("id").asText(), healthTrust(h)));
    List<Organisations.Unit> units = new ArrayList<>();
    if (doc != null) {
      JsonFields root = new JsonFields(doc.root(), "");
      for (JsonFields r : root.objects("regions")) {
        if (regions.putIfAbsent(r.text("id"), region(r.node())) != null) {
          issues.add(
              Issue.error(
                  IssueCode.DUPLICATE_ID,
                  "region '" + r.text("id") + "' is already in the organisation table",
                  doc.locate(r.pointer("id"))));
        }
      }
      for (JsonFields h : root.objects("healthTrusts")) {
        String region = h.text("region");
        if (!regions.containsKey(region))
          unknown(doc, h.pointer("region"), "region", region, regions.keySet());
        if (trusts.putIfAbsent(h.text("id"), healthTrust(h.node())) != null) {
          issues.add(
              Issue.error(
                  IssueCode.DUPLICATE_ID,
                  "health trust '" + h.text("id") + "' is already in the organisation table",
                  doc.locate(h.pointer("id"))));
        }
      }
      for (JsonFields u : root.objects("units")) {
        String trust = u.text("healthTrust");
        if (!trusts.containsKey(trust))
          unknown(doc, u.pointer("healthTrust"), "health trust", trust, trusts.keySet());
        Optional<LocalDate> from = u.date("validFrom");
        Optional<LocalDate> to = u.date("validTo");
        SourceLocation where = doc.locate(u.pointer());
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
          issues.add(
              Issue.error(
                  IssueCode.RANGE_INVERTED,
                  "unit "
                      + u.text("resh")
                      + " is valid from "
                      + from.get()
                      + ", after its validTo "
                      + to.get(),
                  doc.locate(u.pointer("validFrom"))));
        }
        // Without a number of its own, a unit reports under its health trust's (SKDE takes HF
        // numbers too).
        String orgnr =
            u.optionalText("orgnr")
                .orElseGet(() -> trusts.containsKey(trust) ? trusts.get(trust).orgnr() : "");
        Organisations.Unit unit =
            new Organisations.Unit(u.text("resh"), u.text("name"), trust, orgnr, from, to, where);
        for (Organisations.Unit earlier : units) {
          if (earlier.resh().equals(unit.resh()) && overlap(earlier, unit)) {
            issues.add(
                Issue.error(
                        IssueCode.DUPLICATE_ID,
                        "unit " + unit.resh() + " has two entries valid at the same time",
                        doc.locate(u.pointer("resh")))
                    .withHint(
                        "the other entry is at line "
                            + earlier.location().line()
                            + "; give each entry of one RESH id its own validFrom/validTo interval"));
          }
        }
        units.add(unit);
      }
    }
    return new Organisations(List.copyOf(regions.values()), List.copyOf(trusts.values()), units);
  }

  private void unknown(
      JsonDocument doc,
      String pointer,
      String what,
      String id,
      java.util.Collection<String> known) {
    Issue issue =
        Issue.error(
            IssueCode.UNKNOWN_ORGANISATION,
            "unknown " + what + " '" + id + "'",
            doc.locate(pointer));
    issues.add(
        NameSuggester.hint(id, known)
            .map(issue::withHint)
            .orElse(issue.withHint("known: " + String.join(", ", known))));
  }

  private static boolean overlap(Organisations.Unit a, Organisations.Unit b) {
    LocalDate aFrom = a.validFrom().orElse(LocalDate.MIN);
    LocalDate aTo = a.validTo().orElse(LocalDate.MAX);
    LocalDate bFrom = b.validFrom().orElse(LocalDate.MIN);
    LocalDate bTo = b.validTo().orElse(LocalDate.MAX);
    return !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
  }

  private static Organisations.Region region(JsonNode node) {
    return new Organisations.Region(
        node.path("id").asText(), node.path("name").asText(), node.path("orgnr").asText());
  }

  private static Organisations.HealthTrust healthTrust(JsonNode node) {
    String name = node.path("name").asText();
    return new Organisations.HealthTrust(
        node.path("id").asText(),
        name,
        node.path("shortName").asText(name),
        node.path("orgnr").asText(),
        node.path("region").asText());
  }

  private static JsonNode sharedTable() {
    try (InputStream in = OrganisationReader.class.getResourceAsStream(SHARED_TABLE)) {
      if (in == null)
        throw new IllegalStateException(
            "shared organisation table missing from the classpath: " + SHARED_TABLE);
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
