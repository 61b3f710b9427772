package no.regforms.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A generated registry with one form, made from a seeded description: the benchmarks' large form
 * (551 variables, 420 of them behind skip rules: the size of the WHO verbal autopsy form JavaRosa
 * benchmarks itself on) and the browser's 200-item chain. The description writes the regforms
 * folder; {@link XFormWriter} writes the XForm from the loaded form, so both engines get the one
 * description. The description also fills records, deciding relevance by its own evaluation.
 */
final class GeneratedForm {

  /** What a variable holds. */
  enum Kind {
    CODE,
    CODES,
    INTEGER,
    DECIMAL,
    DATE,
    TEXT
  }

  /** A skip rule's condition: the regforms text, and its own three-valued evaluation. */
  sealed interface Condition {
    String text();

    /** True, false, or null when unknown (an empty value read), as regforms decides. */
    Boolean test(Map<String, Object> values);
  }

  record Equals(String ref, String code) implements Condition {
    public String text() {
      return ref + " = '" + code + "'";
    }

    public Boolean test(Map<String, Object> values) {
      Object v = values.get(ref);
      return v == null ? null : v.equals(code);
    }
  }

  record In(String ref, List<String> codes) implements Condition {
    public String text() {
      return ref
          + " in ("
          + codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))
          + ")";
    }

    public Boolean test(Map<String, Object> values) {
      Object v = values.get(ref);
      return v == null ? null : codes.contains(v);
    }
  }

  record Contains(String ref, String code) implements Condition {
    public String text() {
      return "contains(" + ref + ", '" + code + "')";
    }

    public Boolean test(Map<String, Object> values) {
      Object v = values.get(ref);
      return v == null ? null : ((List<?>) v).contains(code);
    }
  }

  record AtLeast(String ref, int bound) implements Condition {
    public String text() {
      return ref + " >= " + bound;
    }

    public Boolean test(Map<String, Object> values) {
      Object v = values.get(ref);
      return v == null ? null : ((Number) v).intValue() >= bound;
    }
  }

  record Filled(String ref) implements Condition {
    public String text() {
      return "filled(" + ref + ")";
    }

    public Boolean test(Map<String, Object> values) {
      return values.get(ref) != null;
    }
  }

  record Both(Condition left, Condition right, boolean and) implements Condition {
    public String text() {
      return "(" + left.text() + ") " + (and ? "and" : "or") + " (" + right.text() + ")";
    }

    public Boolean test(Map<String, Object> values) {
      Boolean l = left.test(values);
      Boolean r = right.test(values);
      if (and) {
        if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) return false;
        return l == null || r == null ? null : true;
      }
      if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) return true;
      return l == null || r == null ? null : false;
    }
  }

  /** One variable: its kind, the size of its code list (code kinds), its section and skip rule. */
  record Item(String id, Kind kind, int codes, int section, Optional<Condition> visibleIf) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int INTEGER_MAX = 120;
  private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

  private final String id;
  private final List<Item> items;

  private GeneratedForm(String id, List<Item> items) {
    this.id = id;
    this.items = List.copyOf(items);
  }

  /**
   * {@code variables} variables, {@code skipRules} of them with a condition on one or two earlier
   * variables (mostly close by, as in real forms), in sections of 25.
   */
  static GeneratedForm large(int variables, int skipRules, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Item> items = new ArrayList<>();
    int conditions = 0;
    for (int i = 0; i < variables; i++) {
      Kind kind = kind(random);
      int codes = kind == Kind.CODE || kind == Kind.CODES ? 3 + random.nextInt(4) : 0;
      Optional<Condition> condition = Optional.empty();
      // Conditions are spread evenly over the form (each remaining place equally likely); the first
      // ten variables are always asked.
      if (i >= 10 && random.nextInt(variables - i) < skipRules - conditions) {
        condition = Optional.of(condition(items, random));
        conditions++;
      }
      items.add(new Item(String.format("q%03d", i + 1), kind, codes, i / 25, condition));
    }
    if (countConditions(items) != skipRules) {
      throw new IllegalStateException(
          "made " + countConditions(items) + " skip rules, not " + skipRules);
    }
    return new GeneratedForm("large", items);
  }

  /**
   * {@code length} integer items, each shown once the one before it is filled: answering reveals
   * the next.
   */
  static GeneratedForm chain(int length) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      Optional<Condition> condition =
          i == 0 ? Optional.empty() : Optional.of(new Filled(items.get(i - 1).id()));
      items.add(new Item(String.format("q%03d", i + 1), Kind.INTEGER, 0, i / 25, condition));
    }
    return new GeneratedForm("chain", items);
  }

  private static long countConditions(List<Item> items) {
    return items.stream().filter(i -> i.visibleIf().isPresent()).count();
  }

  private static Kind kind(SplittableRandom random) {
    int r = random.nextInt(100);
    if (r < 45) return Kind.CODE;
    if (r < 55) return Kind.CODES;
    if (r < 80) return Kind.INTEGER;
    if (r < 85) return Kind.DECIMAL;
    if (r < 90) return Kind.DATE;
    return Kind.TEXT;
  }

  private static Condition condition(List<Item> before, SplittableRandom random) {
    Condition leaf = leaf(before, random);
    if (random.nextInt(4) > 0) return leaf;
    return new Both(leaf, leaf(before, random), random.nextBoolean());
  }

  /** A condition on a recent variable that can steer (a code, codes or an integer). */
  private static Condition leaf(List<Item> before, SplittableRandom random) {
    for (int attempt = 0; ; attempt++) {
      int back = 1 + random.nextInt(Math.min(before.size(), attempt < 20 ? 30 : before.size()));
      Item ref = before.get(before.size() - back);
      switch (ref.kind()) {
        case CODE -> {
          return random.nextInt(3) == 0
              ? new Equals(ref.id(), code(0))
              : new In(ref.id(), List.of(code(0), code(1 + random.nextInt(ref.codes() - 1))));
        }
        case CODES -> {
          return new Contains(ref.id(), code(random.nextInt(ref.codes())));
        }
        case INTEGER -> {
          return new AtLeast(ref.id(), random.nextInt(INTEGER_MAX / 3));
        }
        default -> {
          if (attempt > 100) return new Filled(ref.id());
        }
      }
    }
  }

  private static String code(int index) {
    return String.valueOf((char) ('a' + index));
  }

  String id() {
    return id;
  }

  List<Item> items() {
    return items;
  }

  /** Writes the regforms registry folder {@code folder} (registry, code lists, the form). */
  Path writeRegistry(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("codelists"));
    Files.createDirectories(folder.resolve("forms"));
    ObjectNode registry = JSON.createObjectNode().put("id", id).put("version", "1");
    registry.putObject("title").put("nb", "Generert skjema (" + items.size() + " variabler)");
    Files.writeString(folder.resolve("registry.json"), registry.toPrettyString());
    items.stream()
        .map(Item::codes)
        .filter(n -> n > 0)
        .distinct()
        .forEach(
            n -> {
              ObjectNode list = JSON.createObjectNode().put("id", "choices_" + n);
              list.putObject("title").put("nb", n + " valg");
              ArrayNode codes = list.putArray("codes");
              for (int c = 0; c < n; c++) {
                codes
                    .addObject()
                    .put("code", code(c))
                    .putObject("label")
                    .put("nb", "Valg " + code(c));
              }
              try {
                Files.writeString(
                    folder.resolve("codelists/choices_" + n + ".json"), list.toPrettyString());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    ObjectNode form =
        JSON.createObjectNode().put("id", id).put("respondent", "clinician").put("version", "1");
    form.putObject("title").put("nb", "Generert skjema");
    ArrayNode sections = form.putArray("items");
    ArrayNode current = null;
    int section = -1;
    for (Item item : items) {
      if (item.section() != section) {
        section = item.section();
        ObjectNode s = sections.addObject().put("section", String.format("s%02d", section + 1));
        s.putObject("title").put("nb", "Del " + (section + 1));
        current = s.putArray("items");
      }
      current.add(variable(item));
    }
    Files.writeString(folder.resolve("forms/" + id + ".json"), form.toPrettyString());
    return folder;
  }

  private static ObjectNode variable(Item item) {
    ObjectNode v = JSON.createObjectNode().put("variable", item.id());
    v.putObject("label").put("nb", "Spørsmål " + item.id());
    v.put("required", true);
    switch (item.kind()) {
      case CODE -> v.put("type", "code").put("codeList", "choices_" + item.codes());
      case CODES ->
          v.put("type", "codes").put("codeList", "choices_" + item.codes()).put("minChoices", 1);
      case INTEGER ->
          v.put("type", "integer").set("range", JSON.createArrayNode().add(0).add(INTEGER_MAX));
      case DECIMAL ->
          v.put("type", "decimal")
              .put("decimals", 1)
              .set("range", JSON.createArrayNode().add(0).add(300));
      case DATE ->
          v.put("type", "date").set("range", JSON.createArrayNode().add("1900-01-01").add("today"));
      case TEXT -> v.put("type", "text").put("maxLength", 40);
    }
    item.visibleIf().ifPresent(c -> v.put("visibleIf", c.text()));
    return v;
  }

  /**
   * One record's values, filled in order: each variable the description shows (given the values so
   * far) is answered, except that each is left empty with probability {@code blank}.
   */
  Map<String, Object> fill(SplittableRandom random, double blank) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Item item : items) {
      if (!relevant(item, values) || random.nextDouble() < blank) continue;
      values.put(item.id(), value(item, random));
    }
    return values;
  }

  /** Whether the description shows {@code item} given {@code values}. */
  static boolean relevant(Item item, Map<String, Object> values) {
    return item.visibleIf().map(c -> Boolean.TRUE.equals(c.test(values))).orElse(true);
  }

  private static Object value(Item item, SplittableRandom random) {
    return switch (item.kind()) {
      case CODE -> code(random.nextInt(item.codes()));
      case CODES -> {
        List<String> chosen = new ArrayList<>();
        for (int c = 0; c < item.codes(); c++) if (random.nextInt(3) == 0) chosen.add(code(c));
        if (chosen.isEmpty()) chosen.add(code(random.nextInt(item.codes())));
        yield chosen;
      }
      case INTEGER -> random.nextInt(INTEGER_MAX + 1);
      case DECIMAL -> BigDecimal.valueOf(random.nextInt(3001), 1);
      case DATE -> FIRST_DAY.plusDays(random.nextInt(9000)).toString();
      case TEXT -> "svar " + Integer.toString(random.nextInt(1 << 20), 36);
    };
  }
}
