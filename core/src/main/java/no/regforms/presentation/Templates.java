package no.regforms.presentation;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;

/**
 * The one Velocity set-up of regforms: templates from the classpath (and, for a host, from a folder
 * of its own looked up first), UTF-8, strict references, the form macros of {@code
 * templates/regforms/items.vm}, and {@link HtmlEscaping} on every inserted reference. A model is a
 * map of names to view records, lists, strings and numbers; templates read record components as
 * {@code $item.label}.
 *
 * <p>{@link #classpath()} is shared; a set-up with a host folder is made once per renderer.
 * Immutable and thread-safe.
 */
public final class Templates {

  private static final String MACROS = "templates/regforms/items.vm";

  private final VelocityEngine engine;

  private Templates(Optional<Path> overrides) {
    Properties properties = new Properties();
    String loaders =
        overrides
            .map(
                dir -> {
                  properties.setProperty(
                      "resource.loader.file.class", FileResourceLoader.class.getName());
                  properties.setProperty(
                      "resource.loader.file.path", dir.toAbsolutePath().toString());
                  return "file,class";
                })
            .orElse("class");
    properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, loaders);
    properties.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
    properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
    properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
    properties.setProperty(RuntimeConstants.VM_LIBRARY, MACROS);
    properties.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, "true");
    properties.setProperty(
        RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, HtmlEscaping.class.getName());
    this.engine = new VelocityEngine(properties);
    engine.init();
  }

  /** The shared set-up with the templates on the classpath. */
  public static Templates classpath() {
    return Shared.INSTANCE;
  }

  /**
   * A set-up that looks templates up in {@code folder} first ({@code
   * <folder>/templates/regforms/page.vm}), then on the classpath.
   *
   * @throws IllegalArgumentException if {@code folder} is not a folder
   */
  public static Templates withOverrides(Path folder) {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("not a folder: " + folder);
    }
    return new Templates(Optional.of(folder));
  }

  /** {@code template} merged with {@code model}. */
  public String merge(String template, Map<String, ?> model) {
    StringWriter out = new StringWriter();
    merge(template, model, out);
    return out.toString();
  }

  /** Writes {@code template} merged with {@code model} to {@code out}. */
  public void merge(String template, Map<String, ?> model, Writer out) {
    Objects.requireNonNull(model, "model");
    VelocityContext context = new VelocityContext();
    model.forEach(context::put);
    engine.getTemplate(template, "UTF-8").merge(context, out);
  }

  /** Holds the shared set-up, made when first asked for. */
  private static final class Shared {
    static final Templates INSTANCE = new Templates(Optional.empty());
  }
}
