package no.regforms.definition;

/** How sensitive a variable's values are, for metadata publication. */
public enum Sensitivity {
  /** Says nothing about a person. */
  NONE,
  /** Personal data. */
  PERSONAL,
  /** Special category personal data, such as health data. */
  SENSITIVE,
  /** Identifies a person directly, such as a national identity number. */
  IDENTIFYING
}
