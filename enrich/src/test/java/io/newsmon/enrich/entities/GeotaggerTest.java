package io.newsmon.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeotaggerTest {

    private static List<Entity> places(String... names) {
        List<Entity> entities = new ArrayList<>();
        int at = 0;
        for (String n : names) {
            entities.add(new Entity(at, at + n.length(), Entity.LOCATION, n));
            at += n.length() + 1;
        }
        return entities;
    }

    @Test
    void citiesAndRegionsGiveTheirCountry() {
        assertThat(Geotagger.countries(places("Quetta", "Sistan-Baluchestan", "Balochistan", "Zahedan")))
                .containsEntry("PK", 2)
                .containsEntry("IR", 2);
        assertThat(Geotagger.countries(places("Islamabad")).keySet()).containsExactly("PK");
    }

    @Test
    void anAmbiguousPlaceGoesToTheCountryTheArticleNamesElseToTheClearlyLargest() {
        assertThat(Geotagger.countries(places("Hyderabad")).keySet()).containsExactly("IN");
        assertThat(Geotagger.countries(places("Pakistan", "Hyderabad")))
                .containsEntry("PK", 2)
                .doesNotContainKey("IN");
        assertThat(Geotagger.countries(places("Paris")).keySet()).containsExactly("FR");
        // a region of two countries with nothing to tell them apart is left out
        assertThat(Geotagger.countries(places("Punjab"))).isEmpty();
        assertThat(Geotagger.countries(places("India", "Punjab"))).containsEntry("IN", 2);
    }

    @Test
    void demonymsInTheTextCountAndOnlyPlacesAreLookedUp() {
        String text =
                "Pakistani officials met Iranians in Quetta. The Iranian side and two Sri Lankan observers spoke.";
        assertThat(Geotagger.countries(List.of(), text))
                .containsEntry("PK", 1)
                .containsEntry("IR", 2)
                .containsEntry("LK", 1);
        // a person called Jordan or Florence is not a place
        List<Entity> people =
                List.of(new Entity(0, 6, Entity.PERSON, "Jordan"), new Entity(7, 15, Entity.PERSON, "Florence"));
        assertThat(Geotagger.countries(people, "Jordan Florence spoke.")).isEmpty();
    }
}
