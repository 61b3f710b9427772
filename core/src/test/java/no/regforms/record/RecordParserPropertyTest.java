package no.regforms.record;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.regforms.diagnostic.IssueCode;

/**
 * Any line of text gives a record or a located {@code record_syntax} problem, never an exception.
 */
class RecordParserPropertyTest {

  private static final String SECRET = "ZZ_SECRET_93";

  @Property(tries = 500)
  void parse_anyText_givesRecordOrRecordSyntax(@ForAll("lines") String text) {
    RecordLine line = RecordParser.parse(text, 5);

    assertThat(line.number()).isEqualTo(5L);
    assertThat(line.record().isPresent()).isNotEqualTo(line.problem().isPresent());
    line.problem()
        .ifPresent(
            issue -> {
              assertThat(issue.code()).isEqualTo(IssueCode.RECORD_SYNTAX);
              assertThat(issue.text("nb")).doesNotContain(SECRET);
              assertThat(issue.text("en")).doesNotContain(SECRET);
            });
    line.record().ifPresent(record -> assertThat(record.toString()).doesNotContain(SECRET));
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"form\"",
            "\"visit\"",
            "\"values\"",
            "\"registry\"",
            "\"id\"",
            "\"" + SECRET + "\"",
            SECRET,
            "\"missing\"",
            "1",
            "-2.50",
            "1e999",
            "true",
            "null",
            "\"",
            "\\",
            " ",
            "\"a\"",
            "\"a\"",
            "/*",
            "nan");
    return Arbitraries.oneOf(
        tokens.list().ofMaxSize(30).map(list -> String.join("", list)),
        Arbitraries.strings().ofMaxLength(60),
        tokens
            .list()
            .ofMaxSize(20)
            .map(list -> "{\"form\":\"visit\",\"values\":{" + String.join("", list) + "}}"));
  }
}
