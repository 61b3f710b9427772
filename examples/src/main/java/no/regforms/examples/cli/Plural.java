package no.regforms.examples.cli;

/** A count with its noun in singular or plural: "1 error", "2 errors", "0 entries". */
final class Plural {

  private Plural() {}

  /** {@code n} and {@code noun}, with an s after it unless {@code n} is 1. */
  static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  /** {@code n} and {@code one} or {@code many}. */
  static String of(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
