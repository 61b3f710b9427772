package no.regforms.definition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.regforms.diagnostic.Diagnostics;
import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;

/**
 * Finds every text of a registry folder that lacks one of the languages asked for: each file is
 * checked against the definition schemas with the shared {@code text} requiring those languages, so
 * every text the format knows is found, wherever it stands.
 */
final class TranslationChecker {

  private TranslationChecker() {}

  static Diagnostics check(DefinitionSource source, List<String> languages) {
    SchemaChecker schemas = SchemaChecker.requiringLanguages(languages);
    List<Issue> issues = new ArrayList<>();
    try {
      List<String> files = new ArrayList<>();
      if (source.hasRegistryFile()) files.add(DefinitionSource.REGISTRY_FILE);
      for (String folder : DefinitionSource.FOLDERS) files.addAll(source.files(folder));
      for (String file : files) {
        JsonDocument.Result parsed = JsonDocument.parse(file, source.read(file));
        // A file that does not parse is reported by the load itself.
        if (parsed.document() != null)
          issues.addAll(schemas.missingLanguages(parsed.document(), kindOf(file), languages));
      }
    } catch (IOException e) {
      issues.add(
          Issue.error(
              IssueCode.FILE_UNREADABLE,
              "cannot read the registry folder: " + e.getMessage(),
              SourceLocation.of(source.name(), 0, 0, "")));
    }
    return Diagnostics.of(issues);
  }

  private static SchemaChecker.FileKind kindOf(String file) {
    if (file.startsWith("codelists/")) return SchemaChecker.FileKind.CODE_LIST;
    if (file.startsWith("forms/")) return SchemaChecker.FileKind.FORM;
    if (file.startsWith("library/")) return SchemaChecker.FileKind.LIBRARY;
    if (file.startsWith("indicators/")) return SchemaChecker.FileKind.INDICATOR;
    return SchemaChecker.FileKind.REGISTRY;
  }
}
