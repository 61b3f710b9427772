package no.regforms.examples.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values that every command makes the same way before it starts work; a failed
 * check is a usage error (exit 2) naming the option and what it takes.
 */
final class OptionChecks {

  /** The languages messages, pages and reports come in. */
  static final List<String> LANGUAGES = List.of("nb", "en");

  private OptionChecks() {}

  /** A usage error of {@code spec}'s command. */
  static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** {@code value} of {@code option} lies within {@code min}–{@code max}. */
  static void range(CommandSpec spec, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw usage(spec, option + " must be between " + min + " and " + max + ", not " + value);
    }
  }

  /** {@code language} of {@code --lang} is one the texts come in. */
  static void language(CommandSpec spec, String language) {
    if (!LANGUAGES.contains(language)) {
      throw usage(
          spec, "--lang must be " + String.join(" or ", LANGUAGES) + ", not '" + language + "'");
    }
  }
}
