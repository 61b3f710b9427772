package no.regforms.definition;

/**
 * A registry packaged as a definition module: a jar holding the registry folder as resources,
 * announced through {@link java.util.ServiceLoader}.
 *
 * <p>A module is one small class and one service file:
 *
 * <pre>{@code
 * public final class EctModule implements RegistryModule {
 *   public String id() { return "ect"; }
 *   public String resourceRoot() { return "registries/ect"; }
 * }
 * // src/main/resources/META-INF/services/no.regforms.definition.RegistryModule:
 * //   no.regforms.forms.ect.EctModule
 * }</pre>
 *
 * Implementations must be stateless.
 */
public interface RegistryModule {

  /** The registry id, equal to the {@code id} in its {@code registry.json}. */
  String id();

  /** The classpath folder holding {@code registry.json}, without leading slash. */
  String resourceRoot();

  /** The class loader that sees the module's resources; the module's own by default. */
  default ClassLoader classLoader() {
    return getClass().getClassLoader();
  }
}
