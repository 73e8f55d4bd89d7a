package io.newsmon.seeds.newsroom;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Invented reader comments, chosen deterministically per article so that pages are stable between runs. */
final class ReaderComments {

    /** One reader comment as shown under an article. */
    record Comment(String name, OffsetDateTime posted, String text, int likes) {}

    private static final int[] MINUTES_AFTER = {37, 84, 151, 263, 608};

    private static final Map<String, List<String>> NAMES = Map.of(
            "en",
            List.of(
                    "Margaret O.",
                    "Tunde A.",
                    "harbourwatcher",
                    "Declan from Cork",
                    "S. Nakamura",
                    "Ines R.",
                    "bluewater_77",
                    "Peter K.",
                    "Farida M.",
                    "Joan T."),
            "es",
            List.of("Lucía P.", "Andrés_M", "Carmen V.", "Jorge R.", "Paola G."),
            "fr",
            List.of("Mathieu L.", "Élodie B.", "Karim D.", "Anne-Sophie", "Julien R."));

    private static final Map<String, List<String>> TEXTS = Map.of(
            "en",
            List.of(
                    "Good to see this reported properly rather than as a headline and a photo.",
                    "Would be useful to know where the money is actually coming from. "
                            + "The figures raise more questions than they answer.",
                    "I was in the area last year and people there said exactly this would happen. Nobody listened.",
                    "Excellent reporting as always. Shared it with my students this morning.",
                    "Let's see how this looks in twelve months. Announcements like this rarely survive contact with"
                            + " reality.",
                    "Does anyone have a link to the original report? I'd like to read the detail.",
                    "The quote at the end says it all, really.",
                    "Not sure why this isn't further up the front page.",
                    "A balanced piece. Thanks for including the sceptical voices too.",
                    "My family is from the region and this is the first time I've seen it covered in such depth."),
            "es",
            List.of(
                    "Por fin un artículo que explica el problema con datos y no solo con titulares.",
                    "Ojalá esta vez los acuerdos se cumplan. Llevamos años escuchando lo mismo.",
                    "Mi familia vive en la zona y la situación es todavía peor de lo que se cuenta.",
                    "¿Alguien sabe dónde se puede consultar el informe completo?",
                    "Muy buen reportaje, gracias por dar voz también a las comunidades."),
            "fr",
            List.of(
                    "Enfin une bonne nouvelle pour l'industrie, il était temps.",
                    "Reste à voir combien d'emplois seront vraiment créés en France.",
                    "Article clair et bien documenté, merci.",
                    "Quelqu'un sait-il si le calendrier de livraison est tenable ?",
                    "Les promesses n'engagent que ceux qui les écoutent, comme toujours."));

    private ReaderComments() {}

    /** Between three and five comments, in the article's language where a pool exists for it. */
    static List<Comment> forArticle(NewsroomArticle article) {
        String language = TEXTS.containsKey(article.language()) ? article.language() : "en";
        List<String> names = NAMES.get(language);
        List<String> texts = TEXTS.get(language);
        int seed = Math.floorMod(article.slug().hashCode(), 1_000_003);
        int count = 3 + seed % 3;
        List<Comment> comments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            comments.add(new Comment(
                    names.get((seed + i) % names.size()),
                    article.published().plusMinutes(MINUTES_AFTER[i]),
                    texts.get((seed / 7 + i * 3) % texts.size()),
                    (seed / (i + 3)) % 60));
        }
        return comments;
    }
}
