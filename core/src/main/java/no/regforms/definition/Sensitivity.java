package no.regforms.definition;

/** How sensitive a variable's values are, for metadata publication. */
public enum Sensitivity {
  NONE, PERSONAL, SENSITIVE, IDENTIFYING
}
