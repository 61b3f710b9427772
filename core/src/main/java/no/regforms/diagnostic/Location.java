package no.regforms.diagnostic;

/**
 * Where an {@link Issue} was found: a place in a definition file ({@link SourceLocation}) or a
 * value in a record ({@link RecordPath}).
 */
public sealed interface Location permits SourceLocation, RecordPath {

  /** A short human-readable form of this location, such as {@code forms/course.json:12:7}. */
  String display();
}
