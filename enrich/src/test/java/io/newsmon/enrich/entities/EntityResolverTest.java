package io.newsmon.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityResolverTest {

    private static List<String> resolve(String text, String... typeAndText) {
        List<Entity> mentions = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < typeAndText.length; i += 2) {
            int at = text.indexOf(typeAndText[i + 1], from);
            mentions.add(Entity.of(text, at, at + typeAndText[i + 1].length(), typeAndText[i]));
            from = at + 1;
        }
        return EntityResolver.resolve(mentions).stream()
                .map(r -> r.mention().text() + " -> " + r.canonical() + " [" + r.key() + "]")
                .toList();
    }

    @Test
    void shortFormsJoinTheirLongFormInsideAnArticle() {
        String text = "Jalil Abbas Jilani met Hossein Amir-Abdollahian. Jilani said Abdollahian and Amir-Abdollahian"
                + " agreed. Jaish al Adl (JAA) denied it. JAA and the U.S. and United States.";
        assertThat(resolve(
                        text,
                        "PERSON",
                        "Jalil Abbas Jilani",
                        "PERSON",
                        "Hossein Amir-Abdollahian",
                        "PERSON",
                        "Jilani",
                        "PERSON",
                        "Abdollahian",
                        "PERSON",
                        "Amir-Abdollahian",
                        "ORGANIZATION",
                        "Jaish al Adl",
                        "ORGANIZATION",
                        "JAA",
                        "LOCATION",
                        "U.S.",
                        "LOCATION",
                        "United States"))
                .containsExactly(
                        "Jalil Abbas Jilani -> Jalil Abbas Jilani [jalil abbas jilani]",
                        "Hossein Amir-Abdollahian -> Hossein Amir-Abdollahian [hossein amir abdollahian]",
                        "Jilani -> Jalil Abbas Jilani [jalil abbas jilani]",
                        "Abdollahian -> Hossein Amir-Abdollahian [hossein amir abdollahian]",
                        "Amir-Abdollahian -> Hossein Amir-Abdollahian [hossein amir abdollahian]",
                        "Jaish al Adl -> Jaish al Adl [jaish al adl]",
                        "JAA -> Jaish al Adl [jaish al adl]",
                        "U.S. -> United States [united states]",
                        "United States -> United States [united states]");
    }

    @Test
    void keysIgnoreCaseAccentsHyphensDotsAndALeadingThe() {
        assertThat(EntityResolver.key("Hossein Amir-Abdollahian"))
                .isEqualTo(EntityResolver.key("hossein amir abdollahian"));
        assertThat(EntityResolver.key("Téhéran")).isEqualTo("teheran");
        assertThat(EntityResolver.key("the U.N.")).isEqualTo("un");
    }

    @Test
    void aSurnameSharedByNoLongerNameStaysAsWritten() {
        assertThat(resolve("Smith spoke.", "PERSON", "Smith")).containsExactly("Smith -> Smith [smith]");
    }
}
