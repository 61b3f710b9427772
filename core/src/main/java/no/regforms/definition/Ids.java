package no.regforms.definition;

/** The shape every definition id must have; shared by the field rules of the model. */
final class Ids {
  /** snake_case: a lower-case letter, then lower-case letters, digits and underscores. */
  static final String PATTERN = "[a-z][a-z0-9_]{0,63}";
  static final String MESSAGE = "must be snake_case: a lower-case letter, then lower-case letters, digits or _, "
      + "at most 64 characters";

  private Ids() {}
}
