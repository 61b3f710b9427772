package no.regforms.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the browser tests find Chromium and chromedriver: a system property, else the PATH. */
class BrowserTest {

  @Test
  void find_systemPropertySet_isTakenAsIs() {
    System.setProperty("regforms.test.browser", "/opt/somewhere/chromium");
    try {
      assertThat(Browser.find("regforms.test.browser", "sh"))
          .isEqualTo(Path.of("/opt/somewhere/chromium"));
    } finally {
      System.clearProperty("regforms.test.browser");
    }
  }

  @Test
  void find_noProperty_takesTheFirstNameFoundOnThePath() {
    Path found = Browser.find("regforms.test.unset", "no-such-program-on-any-path", "sh");

    assertThat(found.getFileName()).hasToString("sh");
    assertThat(Files.isExecutable(found)).isTrue();
  }

  @Test
  void browsers_usedByTheTests_areFound() {
    assertThat(Browser.CHROMIUM).isExecutable();
    assertThat(Browser.DRIVER).isExecutable();
  }
}
