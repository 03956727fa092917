package dev.tta.alertrouter.runbook;

import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders runbooks as HTML pages. Runbooks are written by many people and pasted from many places,
 * so the Markdown is rendered with raw HTML escaped (a {@code <script>} shows as text) and links
 * other than http, https and mailto dropped ({@code javascript:} never becomes clickable). The HTTP
 * layer adds a Content-Security-Policy that forbids scripts as a second wall.
 */
public final class RunbookPages {
  /** The header the pages are meant to be served with. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

  private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;"
      + "padding:0 1rem;line-height:1.5}code,pre{background:#f4f4f4}pre{padding:.5rem;overflow-x:auto}"
      + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}"
      + ".meta{color:#555}";

  private final Parser parser;
  private final HtmlRenderer renderer;

  public RunbookPages() {
    List<Extension> extensions = List.of(TablesExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer = HtmlRenderer.builder()
        .extensions(extensions)
        .escapeHtml(true)
        .sanitizeUrls(true)
        .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
        .attributeProviderFactory(context -> RunbookPages::linkAttributes)
        .build();
  }

  private static void linkAttributes(org.commonmark.node.Node node, String tag, Map<String, String> attributes) {
    if (node instanceof Link) {
      attributes.put("rel", "noopener noreferrer");
    }
  }

  /** One runbook as a full HTML document. */
  public String page(Runbook runbook, String link) {
    StringBuilder html = head(runbook.title());
    html.append("<header><p><a href=\"./\">All runbooks</a></p><h1>").append(escape(runbook.title())).append("</h1>")
        .append("<p class=\"meta\">Owner: ").append(escape(runbook.owner())).append(" · Covers: ");
    appendSelectors(html, runbook);
    html.append("</p>");
    runbook.externalUrl().ifPresent(url -> html.append("<p class=\"meta\">Kept at <a rel=\"noopener noreferrer\" href=\"")
        .append(escape(url.toString())).append("\">").append(escape(url.toString())).append("</a></p>"));
    html.append("<p class=\"meta\">Link: <code>").append(escape(link)).append("</code></p></header>\n<main>\n")
        .append(renderMarkdown(runbook.markdown()))
        .append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  /** The list of runbooks: title, owner and covered alerts. */
  public String index(List<Runbook> runbooks) {
    StringBuilder html = head("Runbooks");
    html.append("<h1>Runbooks</h1>\n<table><thead><tr><th>Runbook</th><th>Owner</th><th>Covers</th></tr></thead><tbody>\n");
    for (Runbook runbook : runbooks) {
      html.append("<tr><td><a href=\"").append(escape(runbook.name())).append("\">").append(escape(runbook.title()))
          .append("</a></td><td>").append(escape(runbook.owner())).append("</td><td>");
      appendSelectors(html, runbook);
      html.append("</td></tr>\n");
    }
    if (runbooks.isEmpty()) {
      html.append("<tr><td colspan=\"3\">No runbooks are loaded.</td></tr>\n");
    }
    return html.append("</tbody></table>\n</body>\n</html>\n").toString();
  }

  String renderMarkdown(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  private static StringBuilder head(String title) {
    return new StringBuilder(4096)
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
  }

  private static void appendSelectors(StringBuilder html, Runbook runbook) {
    for (int i = 0; i < runbook.selectors().size(); i++) {
      html.append(i == 0 ? "" : ", ").append("<code>").append(escape(runbook.selectors().get(i).toString()))
          .append("</code>");
    }
  }

  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
