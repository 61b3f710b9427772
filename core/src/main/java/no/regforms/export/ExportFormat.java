package no.regforms.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The metadata formats a registry can be exported to; {@link #id()} is the name on the command
 * line.
 */
public enum ExportFormat {
  /**
   * helsedata.no: a DCAT-AP-NO dataset description (JSON-LD) and a variable list (CSV and JSON).
   */
  HELSEDATA,
  /** The canonical 23-column codebook (CSV) and a readable HTML codebook. */
  CODEBOOK,
  /** One JSON Schema (draft-07) per form, for systems that exchange records. */
  JSONSCHEMA,
  /**
   * FHIR R4 Questionnaires for the patient forms, after Helsenorge's {@code sdf-Questionnaire}
   * profile.
   */
  FHIR,
  /** A REDCap data dictionary (CSV). */
  REDCAP;

  /** The lower-case name, such as {@code jsonschema}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code id} (case-insensitive), if there is one. */
  public static Optional<ExportFormat> fromId(String id) {
    return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
  }
}
