package no.regforms.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The official DCAT-AP-NO 2.0 SHACL shapes run with Apache Jena SHACL, the way the national
 * catalogue's validator runs them: before validating, the triples about every IRI the description
 * refers to are added (the validator dereferences them; here they come from an offline extract of
 * the EU vocabularies).
 */
final class DcatApNoShapes {

  private static final Path FOLDER = Path.of("src/test/resources/export/dcat-ap-no");
  private static final Graph SHAPES_GRAPH =
      RDFDataMgr.loadGraph(FOLDER.resolve("DCAT-AP-NO-shacl_shapes_2.00.ttl").toString());
  private static final Shapes SHAPES = Shapes.parse(SHAPES_GRAPH);
  private static final Graph VOCABULARIES =
      RDFDataMgr.loadGraph(FOLDER.resolve("eu-vocabularies.ttl").toString());

  private DcatApNoShapes() {}

  /** The JSON-LD text read by Jena RIOT. */
  static Graph parse(String jsonLd) {
    return RDFParser.fromString(jsonLd, Lang.JSONLD).toGraph();
  }

  /** Validates {@code jsonLd} with the referenced vocabulary terms added. */
  static ValidationReport validate(String jsonLd) {
    Graph data = parse(jsonLd);
    Graph union = GraphFactory.createDefaultGraph();
    data.find().forEachRemaining(union::add);
    data.find()
        .mapWith(Triple::getObject)
        .filterKeep(Node::isURI)
        .toSet()
        .forEach(term -> VOCABULARIES.find(term, Node.ANY, Node.ANY).forEachRemaining(union::add));
    return ShaclValidator.get().validate(SHAPES, union);
  }

  /** Every property the shapes constrain ({@code sh:path}): the properties DCAT-AP-NO 2.0 names. */
  static Set<String> paths() {
    return SHAPES_GRAPH
        .find(Node.ANY, SHACL.path, Node.ANY)
        .mapWith(Triple::getObject)
        .filterKeep(Node::isURI)
        .mapWith(Node::getURI)
        .toSet();
  }

  /** The violations of a report, one line each: focus node, path and the shape's message. */
  static List<String> violations(ValidationReport report) {
    return report.getEntries().stream()
        .filter(e -> e.severity() == Severity.Violation)
        .map(DcatApNoShapes::line)
        .toList();
  }

  /** The warnings of a report, one line each. */
  static List<String> warnings(ValidationReport report) {
    return report.getEntries().stream()
        .filter(e -> e.severity() == Severity.Warning)
        .map(DcatApNoShapes::line)
        .toList();
  }

  private static String line(ReportEntry entry) {
    return entry.focusNode() + " " + entry.resultPath() + ": " + entry.message();
  }
}
