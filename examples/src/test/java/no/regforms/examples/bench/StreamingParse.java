package no.regforms.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The indicator run's yardstick as a whole process: one streaming Jackson pass over a JSON Lines
 * file, every token read, nothing built: the least any program reading the file must do. Prints the
 * count of records (root objects), so no part of the pass can be skipped.
 */
public final class StreamingParse {

  private StreamingParse() {}

  public static void main(String[] args) throws IOException {
    long records = 0;
    try (JsonParser parser = new JsonFactory().createParser(Path.of(args[0]).toFile())) {
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isStructStart()) depth++;
        if (token.isStructEnd() && --depth == 0) records++;
      }
    }
    System.out.println(records + " records");
  }
}
