package no.regforms.diagnostic;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name closest to a misspelt one, for "did you mean" hints in issues.
 *
 * <p>Stateless and thread-safe.
 */
public final class NameSuggester {

  private NameSuggester() {}

  /**
   * The candidate closest to {@code name}, if one is close enough to be a likely typo: at most a
   * third of the name's length away (two edits for short names), and never a full rewrite of it.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    // A short name is "close" to every other short name; a suggestion must keep part of the name.
    int tolerated = Math.min(Math.max(2, name.length() / 3), name.length() - 1);
    return best != null && bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
  }

  /** A "did you mean" hint for {@code name}, if a candidate is close. */
  public static Optional<String> hint(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "did you mean '" + c + "'?");
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
