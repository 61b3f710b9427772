package no.regforms.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.regforms.record.Record;
import no.regforms.record.RecordValues;

/**
 * Synthetic MS patients (no real persons): inclusion and yearly follow-ups, varied per health
 * trust.
 */
final class MsSynthetic {

  private MsSynthetic() {}

  static List<Record> patients(int perHfScale, long seed) {
    Random random = new Random(seed);
    String[] hfs = {
      "finnmark",
      "unn",
      "nordland",
      "helgeland",
      "nord_trondelag",
      "st_olav",
      "more_romsdal",
      "forde",
      "bergen",
      "fonna",
      "stavanger",
      "ostfold",
      "ahus",
      "ous",
      "innlandet",
      "vestre_viken",
      "vestfold",
      "telemark",
      "sorlandet"
    };
    int[] sizes = {1, 4, 3, 2, 4, 8, 9, 3, 13, 4, 8, 6, 13, 10, 8, 8, 5, 4, 8};
    String[] units = {"4201115", "4001031", "108609", "700310"};
    List<Record> out = new ArrayList<>();
    int id = 0;
    for (int h = 0; h < hfs.length; h++) {
      double quality = 0.45 + 0.5 * random.nextDouble();
      int patients = Math.max(2, sizes[h] * perHfScale / 10);
      for (int p = 0; p < patients; p++) {
        String patient = "syn-" + (id++);
        LocalDate diagnosis =
            LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
        int onsetMonths =
            random.nextDouble() < quality ? random.nextInt(24) : 25 + random.nextInt(40);
        LocalDate onset = diagnosis.minusMonths(onsetMonths);
        Map<String, Object> inclusion = new LinkedHashMap<>();
        inclusion.put("home_hf", hfs[h]);
        inclusion.put("ms_type_onset", random.nextDouble() < 0.9 ? "RRMS" : "PPMS");
        inclusion.put("onset", onset.toString().substring(0, 7));
        inclusion.put("diagnosis_date", diagnosis.toString());
        if (random.nextDouble() < 0.92) {
          inclusion.put(
              "referral_date",
              diagnosis
                  .minusDays(
                      random.nextDouble() < quality ? random.nextInt(28) : 29 + random.nextInt(60))
                  .toString());
        }
        String unit = units[random.nextInt(units.length)];
        out.add(
            new Record(
                "ms",
                "inclusion",
                "",
                "i-" + patient,
                patient,
                unit,
                RecordValues.of(inclusion),
                0));
        List<Object> treatments = new ArrayList<>();
        treatments.add(
            Map.of(
                "drug",
                random.nextDouble() < 0.95 ? "L01FA01" : "L03AX13",
                "start_date",
                diagnosis
                    .plusDays(
                        random.nextDouble() < quality
                            ? random.nextInt(22)
                            : 22 + random.nextInt(60))
                    .toString()));
        for (int year = diagnosis.getYear(); year <= 2024; year++) {
          if (random.nextDouble() > quality + 0.1) continue;
          LocalDate control = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
          if (control.isBefore(diagnosis)) continue;
          Map<String, Object> followup = new LinkedHashMap<>();
          followup.put("control_date", control.toString());
          followup.put("treatment_status", "ongoing");
          followup.put("treatments", treatments);
          followup.put("relapse_any", random.nextDouble() < 0.2);
          boolean edss = random.nextDouble() < quality * 0.6;
          followup.put("edss_done", edss);
          if (edss) {
            followup.put("edss", 1.0 + random.nextInt(10) / 2.0);
            followup.put("edss_date", control.toString());
          }
          boolean mri = random.nextDouble() < quality;
          followup.put("mri_done", mri);
          if (mri) {
            followup.put("mri_date", control.toString());
            followup.put(
                "mri_region", random.nextDouble() < 0.5 ? "brain_only" : "brain_and_spinal");
          }
          out.add(
              new Record(
                  "ms",
                  "followup",
                  "",
                  "f-" + patient + "-" + year,
                  patient,
                  unit,
                  RecordValues.of(followup),
                  0));
        }
      }
    }
    return out;
  }
}
