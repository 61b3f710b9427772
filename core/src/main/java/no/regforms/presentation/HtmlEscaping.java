package no.regforms.presentation;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.owasp.encoder.Encode;

/**
 * The one HTML escaper of regforms: the OWASP encoder's encoding for HTML text and quoted
 * attributes ({@code & < > " '}). As a Velocity event handler it escapes every reference a template
 * inserts, so no definition text reaches a page as markup; references whose name starts with {@code
 * raw} ({@code $rawModel}) are inserted as they are, and whoever puts them in the model makes them
 * safe (script-safe JSON, say). Stateless.
 */
// Velocity's types in its signature are for Velocity, which instantiates it; hosts call escape().
@SuppressWarnings("exports")
public final class HtmlEscaping implements ReferenceInsertionEventHandler {

  /** Created by Velocity from its configuration. */
  public HtmlEscaping() {
    // Velocity instantiates event handlers by class name.
  }

  /** {@code text} safe in HTML text and in a quoted attribute. */
  public static String escape(String text) {
    return Encode.forHtml(text);
  }

  /** {@code text} safe in HTML text (not in attributes): only {@code & < >} are encoded. */
  public static String escapeContent(String text) {
    return Encode.forHtmlContent(text);
  }

  @Override
  public Object referenceInsert(Context context, String reference, Object value) {
    if (value == null || isRaw(reference)) {
      return value;
    }
    return escape(value.toString());
  }

  private static boolean isRaw(String reference) {
    int start = 1;
    if (reference.startsWith("!", start)) start++;
    if (reference.startsWith("{", start)) start++;
    return reference.startsWith("raw", start);
  }
}
