package no.regforms.export;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.owasp.encoder.Encode;

/**
 * Escapes every Velocity reference as it is inserted, with the OWASP encoder's HTML-content-and-
 * attribute encoding ({@code & < > " '}), so no definition text reaches a page as markup. Stateless.
 */
public final class HtmlEscaping implements ReferenceInsertionEventHandler {

  /** Created by Velocity from its configuration. */
  public HtmlEscaping() {
    // Velocity instantiates event handlers by class name.
  }

  @Override
  public Object referenceInsert(Context context, String reference, Object value) {
    return value == null ? null : Encode.forHtml(value.toString());
  }
}
