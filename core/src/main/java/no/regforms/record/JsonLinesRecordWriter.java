package no.regforms.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;

/**
 * Writes records as JSON Lines in the record format, one record per line, streaming. Not
 * thread-safe; close it (or the writer) when done.
 */
public final class JsonLinesRecordWriter implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedWriter out;

  /** A writer to {@code out}. */
  public JsonLinesRecordWriter(Writer out) {
    Objects.requireNonNull(out, "out");
    this.out = out instanceof BufferedWriter buffered ? buffered : new BufferedWriter(out);
  }

  /** Writes {@code record} as one line. */
  public void write(Record record) throws IOException {
    write(record, Map.of());
  }

  /**
   * Writes {@code record} as one line with extra top-level fields (such as a planted fault's code);
   * readers ignore fields they do not know.
   */
  public void write(Record record, Map<String, String> extra) throws IOException {
    out.write(toJson(record, extra).toString());
    out.newLine();
  }

  /** The record in the record format. */
  public static ObjectNode toJson(Record record, Map<String, String> extra) {
    ObjectNode node = JSON.createObjectNode();
    node.put("registry", record.registry());
    node.put("form", record.form());
    putIfPresent(node, "version", record.version());
    putIfPresent(node, "id", record.id());
    putIfPresent(node, "patient", record.patient());
    putIfPresent(node, "unit", record.unit());
    if (!record.links().isEmpty()) {
      ObjectNode links = node.putObject("links");
      new java.util.TreeMap<>(record.links()).forEach(links::put);
    }
    extra.forEach(node::put);
    node.set("values", JSON.valueToTree(record.values().asMap()));
    return node;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (!value.isEmpty()) node.put(key, value);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
