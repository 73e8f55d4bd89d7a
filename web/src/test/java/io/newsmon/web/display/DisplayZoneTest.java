package io.newsmon.web.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The order the zone is taken in, and what counts as a zone. */
class DisplayZoneTest {

    @Test
    void anExplicitChoiceBeatsTheBrowserWhichBeatsTheAccountWhichBeatsUtc() {
        assertThat(DisplayZone.resolve("Europe/Berlin", "America/New_York", "Asia/Tokyo"))
                .isEqualTo(new DisplayZone.Resolved(ZoneId.of("Europe/Berlin"), DisplayZone.Source.CHOSEN));
        assertThat(DisplayZone.resolve(null, "America/New_York", "Asia/Tokyo"))
                .isEqualTo(new DisplayZone.Resolved(ZoneId.of("America/New_York"), DisplayZone.Source.BROWSER));
        assertThat(DisplayZone.resolve(null, null, "Asia/Tokyo"))
                .isEqualTo(new DisplayZone.Resolved(ZoneId.of("Asia/Tokyo"), DisplayZone.Source.ACCOUNT));
        assertThat(DisplayZone.resolve(null, null, null))
                .isEqualTo(new DisplayZone.Resolved(DisplayZone.UTC, DisplayZone.Source.DEFAULT));
    }

    @Test
    void aValueThatIsNotAZoneCountsAsAbsent() {
        assertThat(DisplayZone.resolve("Mars/Olympus", "<script>", "Asia/Tokyo").source())
                .isEqualTo(DisplayZone.Source.ACCOUNT);
        assertThat(DisplayZone.resolve("", " ", "x".repeat(200)).zone()).isEqualTo(DisplayZone.UTC);
        assertThat(DisplayZone.parse("+02:00")).contains(ZoneId.of("+02:00"));
        assertThat(DisplayZone.parse("../../etc/passwd")).isEmpty();
    }
}
