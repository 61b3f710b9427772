package no.regforms.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;

/**
 * The facts of {@code registry.json} that helsedata.no's DCAT-AP-NO description cannot do without
 * and that the engine must never make up: the publisher's organisation number, a way to contact the
 * registry, and the address the exports are published under. Each one missing is a warning located
 * in {@code registry.json}; the helsedata export refuses with the same messages.
 */
final class PublicationFacts {

  private PublicationFacts() {}

  static List<Issue> gaps(JsonDocument doc, Registry.Header header) {
    List<Issue> gaps = new ArrayList<>();
    Optional<Registry.Owner> owner = header.owner;
    if (owner.isEmpty()) {
      gaps.add(
          Issue.warning(
                  IssueCode.METADATA_INCOMPLETE,
                  "registry.json has no owner: helsedata.no names the data controller as the dataset's publisher"
                      + " (DCAT-AP-NO dct:publisher, mandatory) and as its contact point",
                  doc.locate(""))
              .withHint(
                  "add \"owner\": {\"name\": {\"nb\": ...}, \"organisationNumber\": \"<9 digits>\", \"email\": ..., \"url\": ...}"));
    } else {
      if (owner.get().organisationNumber().isEmpty()) {
        gaps.add(
            Issue.warning(
                    IssueCode.METADATA_INCOMPLETE,
                    "owner has no organisationNumber: helsedata.no identifies the publisher by its number in"
                        + " Enhetsregisteret (DCAT-AP-NO dct:publisher, mandatory)",
                    doc.locate("/owner"))
                .withHint(
                    "add the data controller's 9-digit organisation number as it stands in Enhetsregisteret"));
      }
      if (owner.get().email().isEmpty() && owner.get().url().isEmpty()) {
        gaps.add(
            Issue.warning(
                    IssueCode.METADATA_INCOMPLETE,
                    "owner has neither email nor url: the dataset's contact point (dcat:contactPoint) needs a way"
                        + " to reach the registry",
                    doc.locate("/owner"))
                .withHint(
                    "add the registry's contact e-mail address (\"email\") and web page (\"url\")"));
      }
    }
    if (header.baseUri.isEmpty()) {
      gaps.add(
          Issue.warning(
                  IssueCode.METADATA_INCOMPLETE,
                  "registry.json has no baseUri: the dataset's identifier and its distributions' access URLs"
                      + " (DCAT-AP-NO dcat:accessURL, mandatory) are addresses under it",
                  doc.locate(""))
              .withHint(
                  "add \"baseUri\": the https address under which the registry publishes its exports,"
                      + " such as \"https://www.example.no/registeret/\""));
    }
    return gaps;
  }
}
