package no.regforms.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SyntheticIdentifiersTest {

  /** The register's two modulo-11 checks: a valid number's weighted sums are multiples of 11. */
  private static boolean checksHold(String number) {
    int[] k1 = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
    int[] k2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int s1 = 0;
    int s2 = 0;
    for (int i = 0; i < 10; i++) s1 += (number.charAt(i) - '0') * k1[i];
    for (int i = 0; i < 11; i++) s2 += (number.charAt(i) - '0') * k2[i];
    return s1 % 11 == 0 && s2 % 11 == 0;
  }

  @Property(tries = 300)
  void nationalId_anyBirthDate_syntheticMonthValidChecksCenturyRange(
      @ForAll @IntRange(min = 1900, max = 2039) int year,
      @ForAll @IntRange(min = 0, max = 364) int day,
      @ForAll @LongRange(min = 0, max = 1000) long seed) {
    LocalDate birth = LocalDate.ofYearDay(year, day + 1);
    String number = SyntheticIdentifiers.nationalId(birth, new SplittableRandom(seed));

    assertThat(number).hasSize(11).containsOnlyDigits();
    assertThat(number.substring(0, 2)).isEqualTo(String.format("%02d", birth.getDayOfMonth()));
    // Month plus 80: 81-92, a month no real person's number has.
    assertThat(Integer.parseInt(number.substring(2, 4))).isEqualTo(birth.getMonthValue() + 80);
    assertThat(number.substring(4, 6)).isEqualTo(String.format("%02d", year % 100));
    int individual = Integer.parseInt(number.substring(6, 9));
    assertThat(individual).isBetween(year >= 2000 ? 500 : 0, year >= 2000 ? 999 : 499);
    assertThat(checksHold(number)).as(number).isTrue();
  }
}
