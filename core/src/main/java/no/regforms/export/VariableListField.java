package no.regforms.export;

/**
 * The one mapping table from the fields of the helsedata.no variable list to their names in the
 * exported CSV header and JSON keys.
 *
 * <p>The national specification ("Nasjonal spesifikasjon for metadata om helsedata") has not
 * published its variable-level property names; these names follow the Klokeboken, the MRS Kodebok
 * and the canonical codebook. When the specification's names are known, change them here, and only
 * here: both the CSV and the JSON variable list follow this table.
 */
enum VariableListField {
  IDENTIFIER("identifikator"),
  REGISTRY("register_id"),
  FORM("skjema_id"),
  FORM_NAME("skjemanavn"),
  FORM_VERSION("skjema_versjon"),
  FORM_SCOPE("skjema_per"),
  GROUP("gruppe"),
  SECTION("seksjon"),
  VARIABLE("variabel_id"),
  LABEL_NB("ledetekst_nb"),
  LABEL_NN("ledetekst_nn"),
  LABEL_EN("ledetekst_en"),
  DESCRIPTION("beskrivelse"),
  HELP("hjelpetekst"),
  DATA_TYPE("datatype"),
  VARIABLE_TYPE("variabeltype"),
  UNIT("enhet"),
  CODE_LIST("kodeverk_id"),
  CODE_SYSTEM("kodeverk_system"),
  CODE_SYSTEM_OID("kodeverk_oid"),
  CODE_SYSTEM_VERSION("kodeverk_versjon"),
  CODES("koder"),
  MISSING_CODES("manglende_verdier"),
  REQUIRED("obligatorisk"),
  MIN("min"),
  MAX("maks"),
  MIN_PLAUSIBLE("min_rimelig"),
  MAX_PLAUSIBLE("maks_rimelig"),
  DECIMALS("desimaler"),
  MAX_LENGTH("antall_tegn"),
  CONDITION("vises_hvis"),
  REQUIRED_IF("obligatorisk_hvis"),
  FORMULA("utregningsformel"),
  VALID_FROM("gyldig_fra"),
  VALID_TO("gyldig_til"),
  RESPONDENT("respondent"),
  SENSITIVITY("sensitivitet"),
  MEASURE_TAGS("prom_prem");

  private final String externalName;

  VariableListField(String externalName) {
    this.externalName = externalName;
  }

  /** The name in the CSV header and the JSON key. */
  String externalName() {
    return externalName;
  }
}
