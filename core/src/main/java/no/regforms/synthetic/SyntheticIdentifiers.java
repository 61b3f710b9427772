package no.regforms.synthetic;

import com.google.re2j.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import no.regforms.definition.Variable;

/**
 * Plainly synthetic values for identifying and key text variables: national identity numbers, names
 * and record or patient ids. A variable's role is read from its id and label (an imported codebook
 * rarely marks them), and the value must fit the variable's pattern and length, or the next
 * candidate is tried: so a required identifier never keeps a form from being generated.
 *
 * <p>National identity numbers follow the synthetic-number convention of the Norwegian test
 * population (Skatteetaten's Test-Norge): the month plus 80, with valid check digits. No real
 * person has such a number, so a generated record can never name one.
 */
final class SyntheticIdentifiers {

  /** What an identifying text variable holds. */
  enum Role {
    NATIONAL_ID,
    FIRST_NAME,
    LAST_NAME,
    NAME,
    KEY,
    OTHER
  }

  private static final Pattern NATIONAL_ID =
      Pattern.compile(
          "(^|_)(ssn|fnr|nin|fodselsnummer|foedselsnummer|fødselsnummer|personnummer|personnr|national_?id)($|_)");
  private static final Pattern FIRST_NAME = Pattern.compile("first_?name|fornavn|given_?name");
  private static final Pattern LAST_NAME =
      Pattern.compile("last_?name|etternavn|surname|family_?name");
  private static final Pattern NAME = Pattern.compile("(^|_)(name|navn)($|_)");
  private static final Pattern KEY =
      Pattern.compile("(^|_)(id|guid|uuid|pid|key|nr|number)($|_)|guid$");
  private static final int[] FIRST_CHECK = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] SECOND_CHECK = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private SyntheticIdentifiers() {}

  /** The role of text variable {@code variable}, from its id and Norwegian label. */
  static Role role(Variable variable) {
    String id = variable.id().toLowerCase(Locale.ROOT);
    String label = variable.label().map(l -> l.in("nb")).orElse("").toLowerCase(Locale.ROOT);
    if (NATIONAL_ID.matcher(id).find()
        || label.contains("fødselsnummer")
        || label.contains("personnummer")) {
      return Role.NATIONAL_ID;
    }
    if (FIRST_NAME.matcher(id).find() || label.equals("fornavn")) return Role.FIRST_NAME;
    if (LAST_NAME.matcher(id).find() || label.equals("etternavn")) return Role.LAST_NAME;
    if (NAME.matcher(id).find()) return Role.NAME;
    if (KEY.matcher(id).find()) return Role.KEY;
    return Role.OTHER;
  }

  /**
   * A value for text variable {@code variable} that fits its pattern and length, or empty when
   * neither its role's value nor any other candidate fits (or it has no pattern and no role).
   *
   * @param birth the patient's date of birth, if the record has one; a national identity number
   *     encodes it
   */
  static Optional<String> value(
      Variable variable, SplittableRandom random, Optional<LocalDate> birth) {
    Role role = role(variable);
    if (role == Role.OTHER && variable.pattern().isEmpty()) return Optional.empty();
    Pattern pattern = variable.pattern().map(Pattern::compile).orElse(null);
    int maxLength = variable.maxLength().orElse(Integer.MAX_VALUE);
    for (String candidate : candidates(role, random, birth)) {
      if (candidate.length() <= maxLength && (pattern == null || pattern.matches(candidate)))
        return Optional.of(candidate);
    }
    return Optional.empty();
  }

  private static List<String> candidates(
      Role role, SplittableRandom random, Optional<LocalDate> birth) {
    List<String> out = new ArrayList<>();
    switch (role) {
      case NATIONAL_ID -> {
        String number =
            nationalId(
                birth.orElseGet(() -> LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 80))),
                random);
        out.add(number);
        out.add(number.substring(0, 6) + "-" + number.substring(6));
      }
      case FIRST_NAME -> out.add("Syntetisk");
      case LAST_NAME -> out.add("Testperson");
      case NAME -> out.add("Syntetisk Testperson");
      default -> {}
    }
    out.add("SYN-" + token(random, 8));
    out.add(uuid(random));
    for (int length : new int[] {8, 11, 6, 4, 10, 9, 7, 5, 3, 2, 1, 12, 13, 14, 15, 16})
      out.add(digits(random, length));
    out.add("SYN" + token(random, 8).toUpperCase(Locale.ROOT));
    out.add("syn" + token(random, 8));
    return out;
  }

  /**
   * A synthetic national identity number for a person born on {@code birth}: day, month plus 80 and
   * two-digit year, an individual number in the century's range (000-499 for 1900-1999, 500-999 for
   * 2000-2039), and the two modulo-11 check digits; individual numbers whose check digit would be
   * 10 are skipped, as the register skips them.
   */
  static String nationalId(LocalDate birth, SplittableRandom random) {
    int low = birth.getYear() >= 2000 ? 500 : 0;
    while (true) {
      String first9 =
          String.format(
              Locale.ROOT,
              "%02d%02d%02d%03d",
              birth.getDayOfMonth(),
              birth.getMonthValue() + 80,
              birth.getYear() % 100,
              low + random.nextInt(500));
      int k1 = check(first9, FIRST_CHECK);
      if (k1 == 10) continue;
      int k2 = check(first9 + k1, SECOND_CHECK);
      if (k2 == 10) continue;
      return first9 + k1 + k2;
    }
  }

  private static int check(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) sum += (digits.charAt(i) - '0') * weights[i];
    int rest = 11 - sum % 11;
    return rest == 11 ? 0 : rest;
  }

  private static String token(SplittableRandom random, int length) {
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < length; i++) token.append(Character.forDigit(random.nextInt(36), 36));
    return token.toString();
  }

  private static String digits(SplittableRandom random, int length) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < length; i++) digits.append((char) ('0' + random.nextInt(10)));
    return digits.toString();
  }

  /** A random (version 4) UUID drawn from {@code random}, so a seed repeats it. */
  private static String uuid(SplittableRandom random) {
    return new java.util.UUID(
            (random.nextLong() & ~0xF000L) | 0x4000L,
            (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }
}
