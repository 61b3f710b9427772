package no.regforms.render;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Escapes every value a template inserts for HTML text and double-quoted attributes, so a
 * definition text such as {@code <script>} shows as text. References whose name starts with
 * {@code raw} ({@code $rawModel}) are inserted as they are: the renderer makes those safe itself
 * (script-safe JSON and JavaScript).
 */
final class HtmlEscaper implements ReferenceInsertionEventHandler {

  @Override
  public Object referenceInsert(Context context, String reference, Object value) {
    if (value == null || reference.startsWith("$raw") || reference.startsWith("${raw")
        || reference.startsWith("$!raw") || reference.startsWith("$!{raw")) {
      return value;
    }
    return escape(value.toString());
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
