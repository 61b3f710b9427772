package no.regforms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import no.regforms.testing.IssuePaths;
import no.regforms.testing.RecordBuilder;
import no.regforms.testing.TestRegistry;
import org.junit.jupiter.api.Test;

/**
 * The exact texts of record issues in both languages, as a golden listing: a changed message shows
 * up here as a diff to review.
 */
class RecordIssueMessagesTest {

  private static String listing(ValidationResult result) {
    return result.diagnostics().issues().stream()
            .map(
                i ->
                    i.severity().label()
                        + " "
                        + i.code().code()
                        + " "
                        + IssuePaths.path(i)
                        + "\n  nb: "
                        + i.text("nb")
                        + "\n  en: "
                        + i.text("en"))
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  @Test
  void validate_recordWithOneOfEachProblem_givesTheseMessages() {
    RecordBuilder record =
        TestRegistry.validVisit()
            .number("age", "1.5")
            .set("admitted_at", "2024-05-02 10:30")
            .remove("sex")
            .set("height", 300)
            .set("weight", 260)
            .number("edss", "3.2")
            .set("referral_code", "ab12345678")
            .set("diagnosis", "F32.9")
            .set("symptoms", List.of("pain", "itch", "nausea", "fatigue"))
            .set("onset", TestRegistry.missing("declined"))
            .set("smoker", false)
            .set("bmi", 20)
            .set("hieght", 170)
            .set("end_date", "2024-04-01")
            .setInRow("sessions", 1, "charge", new BigDecimal("250.25"))
            .set("medications", List.of());

    assertThat(listing(TestRegistry.validator().validate(record.build())))
        .isEqualTo(
            """
        error invalid_format admitted_at
          nb: Verdien må ha formatet yyyy-mm-ddThh:mm
          en: The value must have the format yyyy-mm-ddThh:mm
        error invalid_type age
          nb: Verdien må være et heltall
          en: The value must be a whole number
        error hidden_value cigarettes_per_day
          nb: Feltet er skjult av skjemaets logikk og skal ikke ha verdi
          en: The field is hidden by the form's logic and must have no value
        error code_not_valid diagnosis
          nb: Koden var ikke gyldig i kodeverket diagnosis på postens dato
          en: The code was not valid in code list diagnosis on the record's date
        error step edss
          nb: Verdien må gå i steg på 0.5 fra 0
          en: The value must move in steps of 0.5 from 0
        error rule_failed end_date
          nb: Sluttdato må være etter startdato; rule end_after_start
          en: The end date must be after the start date; rule end_after_start
        error out_of_range height
          nb: Verdien må være mellom 50 og 250
          en: The value must be between 50 and 250
        error undefined_variable hieght
          nb: Skjemaet visit har ikke denne variabelen; did you mean 'height'?
          en: Form visit has no such variable; did you mean 'height'?
        error too_few_rows medications
          nb: Det må være minst 1 rad
          en: There must be at least 1 row
        error missing_reason_not_allowed onset
          nb: Manglende verdi-årsaken 'declined' er ikke tillatt her (tillatt: unknown)
          en: The missing-value reason 'declined' is not allowed here (allowed: unknown)
        error too_long referral_code
          nb: Teksten kan være høyst 8 tegn
          en: The text may be at most 8 characters
        error pattern_mismatch referral_code
          nb: Teksten har ikke riktig format
          en: The text does not have the required format
        error too_many_decimals sessions[1].charge
          nb: Verdien kan ha høyst 1 desimal
          en: The value may have at most 1 decimal
        error required sex
          nb: Feltet må fylles ut
          en: A value is required
        error too_many_choices symptoms
          nb: Velg høyst 3
          en: Choose at most 3
        error unknown_code symptoms[2]
          nb: Koden finnes ikke i kodeverket symptom
          en: The code is not in code list symptom
        warning computed_value_ignored bmi
          nb: Verdien beregnes av skjemaet; den innsendte verdien er ignorert
          en: The value is computed by the form; the value sent in was ignored
        warning implausible weight
          nb: Verdien er uvanlig (forventet mellom 30 og 250); bekreft at den er riktig
          en: The value is unusual (expected between 30 and 250); confirm that it is right
        """);
  }
}
