package no.regforms.definition;

import static org.assertj.core.api.Assertions.assertThat;

import no.regforms.diagnostic.Issue;
import no.regforms.diagnostic.IssueCode;
import no.regforms.diagnostic.SourceLocation;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

  private static final String TEXT =
      String.join(
          "\n",
          "{",
          "  \"id\": \"visit\",",
          "  \"title\": {\"nb\": \"Besøk\", \"en\": \"Visit\"},",
          "  \"items\": [",
          "    {\"variable\": \"age\", \"range\": [0, 120]},",
          "    {\"variable\": \"flag\", \"compute\": \"note = '\\u00e5' or x\"},",
          "    {\"variable\": \"says\", \"compute\": \"note = 'a \\\"b\\\"' and \\\\ y\"}",
          "  ],",
          "  \"a/b~c\": true",
          "}");

  private static JsonDocument parse(String text) {
    JsonDocument.Result result = JsonDocument.parse("forms/visit.json", text);
    assertThat(result.issue()).as("no syntax issue").isNull();
    return result.document();
  }

  private static Issue syntaxIssue(String text) {
    JsonDocument.Result result = JsonDocument.parse("forms/visit.json", text);
    assertThat(result.document()).isNull();
    return result.issue();
  }

  private static String position(SourceLocation location) {
    return location.line() + ":" + location.column();
  }

  @Test
  void locate_values_pointAtTheFirstCharacterOfEachValue() {
    JsonDocument doc = parse(TEXT);

    assertThat(doc.locate("")).isEqualTo(SourceLocation.of("forms/visit.json", 1, 1, ""));
    assertThat(position(doc.locate("/id"))).isEqualTo("2:9");
    assertThat(position(doc.locate("/title"))).isEqualTo("3:12");
    assertThat(position(doc.locate("/title/en")))
        .as("after a non-ASCII character")
        .isEqualTo("3:34");
    assertThat(doc.locate("/title/en").jsonPointer()).isEqualTo("/title/en");
  }

  @Test
  void locate_arrayElements_countFromZeroInPointers() {
    JsonDocument doc = parse(TEXT);

    assertThat(position(doc.locate("/items"))).isEqualTo("4:12");
    assertThat(position(doc.locate("/items/0"))).isEqualTo("5:5");
    assertThat(position(doc.locate("/items/1"))).isEqualTo("6:5");
    assertThat(position(doc.locate("/items/0/range/0"))).isEqualTo("5:35");
    assertThat(position(doc.locate("/items/0/range/1"))).isEqualTo("5:38");
  }

  @Test
  void locate_missingPointer_fallsBackToNearestEnclosingValueButKeepsPointer() {
    JsonDocument doc = parse(TEXT);

    SourceLocation location = doc.locate("/items/0/maxLength");

    assertThat(position(location)).isEqualTo("5:5");
    assertThat(location.jsonPointer()).isEqualTo("/items/0/maxLength");
    assertThat(position(doc.locate("/nothing/here"))).isEqualTo("1:1");
  }

  @Test
  void locateKey_member_pointsAtTheKeyNotTheValue() {
    JsonDocument doc = parse(TEXT);

    assertThat(position(doc.locateKey("/items/0/range"))).isEqualTo("5:25");
    assertThat(position(doc.locateKey("/title"))).isEqualTo("3:3");
    assertThat(position(doc.locateKey("/items/0/absent")))
        .as("falls back to the value")
        .isEqualTo("5:5");
  }

  @Test
  void locateKey_keyWithSlashAndTilde_usesEscapedPointer() {
    JsonDocument doc = parse(TEXT);

    assertThat(JsonDocument.escape("a/b~c")).isEqualTo("a~1b~0c");
    assertThat(position(doc.locateKey("/a~1b~0c"))).isEqualTo("9:3");
    assertThat(position(doc.locate("/a~1b~0c"))).isEqualTo("9:12");
    assertThat(doc.at("/a~1b~0c"))
        .hasValueSatisfying(node -> assertThat(node.asBoolean()).isTrue());
  }

  @Test
  void locateInString_afterUnicodeEscape_countsTheSixRawCharacters() {
    JsonDocument doc = parse(TEXT);
    String expression = doc.at("/items/1/compute").orElseThrow().asText();
    int x = expression.indexOf(" x") + 1;

    SourceLocation location = doc.locateInString("/items/1/compute", expression, x, x + 1);

    assertThat(expression).isEqualTo("note = 'å' or x");
    // The string opens at column 37, so its text starts at 38; "note = '" is 8 characters,
    // the escape of 'å' is 6 in the file for 1 decoded, "' or " is 5: x stands at 38 + 8 + 6 + 5.
    assertThat(position(location)).isEqualTo("6:57");
    assertThat(TEXT.split("\n")[5].charAt(location.column() - 1)).isEqualTo('x');
    assertThat(location.excerpt()).contains(new SourceLocation.Excerpt(expression, x, x + 1));
    assertThat(location.jsonPointer()).isEqualTo("/items/1/compute");
  }

  @Test
  void locateInString_afterQuoteAndBackslashEscapes_landsOnTheRightCharacter() {
    JsonDocument doc = parse(TEXT);
    String expression = doc.at("/items/2/compute").orElseThrow().asText();
    int y = expression.indexOf('y');

    SourceLocation location = doc.locateInString("/items/2/compute", expression, y, y + 1);

    assertThat(expression).isEqualTo("note = 'a \"b\"' and \\ y");
    assertThat(TEXT.split("\n")[6].charAt(location.column() - 1)).isEqualTo('y');
    assertThat(position(doc.locateInString("/items/2/compute", expression, 0, 1)))
        .isEqualTo("7:38");
  }

  @Test
  void locate_windowsLineEndings_countLinesOnce() {
    JsonDocument doc =
        parse("{\r\n  \"id\": \"visit\",\r\n  \"items\": [\r\n    1\r\n  ]\r\n}\r\n");

    assertThat(position(doc.locate("/id"))).isEqualTo("2:9");
    assertThat(position(doc.locate("/items/0"))).isEqualTo("4:5");
  }

  @Test
  void parse_emptyOrBlank_reportsEmptyFileAtStart() {
    assertThat(syntaxIssue("").text()).isEqualTo("the file is empty; expected a JSON object");
    Issue blank = syntaxIssue("  \n\n");
    assertThat(blank.code()).isEqualTo(IssueCode.JSON_SYNTAX);
    assertThat(blank.location()).isEqualTo(SourceLocation.of("forms/visit.json", 1, 1, ""));
  }

  @Test
  void parse_secondRootValue_isReportedWhereItStarts() {
    Issue issue = syntaxIssue("{\"id\": \"a\"}\n  42\n");

    assertThat(issue.code()).isEqualTo(IssueCode.JSON_SYNTAX);
    assertThat(position((SourceLocation) issue.location())).isEqualTo("2:3");
    assertThat(issue.text()).contains("unexpected text after the end of the JSON object");
  }

  @Test
  void parse_unquotedWord_saysWhichTokenAndKeepsThePointer() {
    Issue issue = syntaxIssue("{\n  \"id\": visit\n}");

    assertThat(issue.code()).isEqualTo(IssueCode.JSON_SYNTAX);
    assertThat(issue.text())
        .contains("Unrecognized token 'visit'")
        .doesNotContain("Source", "code ");
    SourceLocation location = (SourceLocation) issue.location();
    assertThat(location.line()).isEqualTo(2);
    assertThat(location.jsonPointer()).isEqualTo("/id");
  }

  @Test
  void parse_trailingCommaInList_pointsAtTheComma() {
    Issue issue = syntaxIssue("{\"items\": [1, 2,\n]}");

    assertThat(issue.text())
        .startsWith("not valid JSON: a comma before ']' (a trailing comma) is not allowed");
    assertThat(position((SourceLocation) issue.location())).isEqualTo("1:16");
  }

  @Test
  void parse_missingCommaInList_pointsJustAfterThePreviousItem() {
    Issue issue = syntaxIssue("{\"items\": [1\n  2]}");

    assertThat(issue.text()).startsWith("not valid JSON: a comma is missing after this value");
    assertThat(position((SourceLocation) issue.location())).isEqualTo("1:13");
  }

  @Test
  void parse_duplicateNestedKey_pointsAtTheSecondKey() {
    Issue issue = syntaxIssue("{\"title\": {\"nb\": \"a\",\n  \"nb\": \"b\"}}");

    assertThat(issue.text()).startsWith("key 'nb' appears twice in the same object");
    assertThat(issue.location())
        .isEqualTo(SourceLocation.of("forms/visit.json", 2, 3, "/title/nb"));
  }
}
