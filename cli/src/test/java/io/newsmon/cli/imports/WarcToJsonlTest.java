package io.newsmon.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

class WarcToJsonlTest {

    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final Instant CAPTURED = Instant.parse("2026-03-04T10:00:00Z");

    static final String FERRY_URL = "https://gazette.example/news/ferry-timetable";
    private static final String FERRY_TITLE = "Island ferry adds a late crossing for the summer";
    private static final List<String> FERRY = List.of(
            "The island ferry company will run a late crossing every evening from June, its managing director said"
                    + " on Tuesday, after two years of complaints from commuters who work late shifts on the mainland.",
            "The new sailing leaves the harbour at eleven and returns shortly after midnight. It will carry foot"
                    + " passengers and up to forty cars, and tickets will cost the same as on the afternoon crossings.",
            "Commuters welcomed the change. A nurse who lives on the island said she had spent two nights a week in"
                    + " a hostel near the hospital because the last boat left before her shift ended.",
            "The company said the extra crossing would be reviewed in October, when it decides on the winter"
                    + " timetable, and that it would keep it if at least sixty passengers used it on an average night.");

    static final String SNOW_URL = "https://vesti.example/news/snegopad";
    private static final String SNOW_TITLE = "Снегопад закрыл горную дорогу на два дня";
    private static final List<String> SNOW = List.of(
            "Горную дорогу между двумя долинами закрыли в понедельник после сильного снегопада, сообщила дорожная"
                    + " служба области. Водителей просят выбирать объездной путь через перевал.",
            "По словам дежурного инженера, за ночь выпало больше метра снега, а на нескольких участках сошли"
                    + " небольшие лавины. Снегоочистители работают круглосуточно с обеих сторон дороги.",
            "Жители посёлка у подножия горы говорят, что магазины успели получить продукты до закрытия дороги."
                    + " Школа перешла на дистанционные занятия до конца недели.",
            "Дорожная служба обещает открыть движение в среду, если прогноз подтвердится и снегопад прекратится.");

    private static final String EMPTY_URL = "https://gazette.example/tags/";
    private static final String MISSING_URL = "https://gazette.example/news/gone";
    private static final String IMAGE_URL = "https://gazette.example/img/ferry.png";
    private static final String RECIPE_URL = "https://cookbook.example/soups/lentil";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(WarcCompression.class)
    void writesOneLinePerArticleAndSkipsTheRest(WarcCompression compression) throws IOException {
        Path warc = write(dir.resolve("crawl" + suffix(compression)), compression, archive());

        Result r = run(warc.toString());

        assertThat(r.status).isZero();
        assertThat(r.lines).extracting(l -> l.path("url").asText()).containsExactly(FERRY_URL, SNOW_URL);

        JsonNode ferry = r.lines.get(0);
        assertThat(ferry.path("title").asText()).isEqualTo(FERRY_TITLE);
        assertThat(ferry.path("body").asText()).isEqualTo(String.join("\n\n", FERRY));
        assertThat(ferry.path("published").asText()).isEqualTo("2026-03-03T07:15:00Z");
        assertThat(ferry.path("source").asText()).isEqualTo("Harbour Gazette");
        assertThat(ferry.path("language").asText()).isEqualTo("en");

        JsonNode snow = r.lines.get(1);
        assertThat(snow.path("title").asText()).isEqualTo(SNOW_TITLE);
        assertThat(snow.path("body").asText()).isEqualTo(String.join("\n\n", SNOW));
        assertThat(snow.has("published")).isFalse();
        assertThat(snow.path("source").asText()).isEqualTo("vesti.example");
        assertThat(snow.path("language").asText()).isEqualTo("ru");

        // warcinfo, request, 404, image and the page without an article: 5 skipped; 3 of the 7 were pages
        assertThat(r.err)
                .containsExactly(
                        "record 7 (" + EMPTY_URL + "): no article text found",
                        "3 pages, 2 articles written, 5 skipped, 0 errors");
    }

    @Test
    void aResourceRecordWithAnHtmlTypeIsAPageToo() throws IOException {
        byte[] html = html("en", "Lentil soup for a cold evening", null, null, List.of(FERRY.get(0), FERRY.get(1)))
                .getBytes(StandardCharsets.UTF_8);
        Path warc = write(
                dir.resolve("resource.warc"),
                WarcCompression.NONE,
                List.of(
                        new WarcResource.Builder(java.net.URI.create(RECIPE_URL))
                                .date(CAPTURED)
                                .body(MediaType.parse("text/html; charset=utf-8"), html)
                                .build(),
                        new WarcResource.Builder(java.net.URI.create(IMAGE_URL))
                                .date(CAPTURED)
                                .body(MediaType.parse("image/png"), png())
                                .build()));

        Result r = run(warc.toString());

        assertThat(r.status).isZero();
        assertThat(r.lines).hasSize(1);
        assertThat(r.lines.get(0).path("url").asText()).isEqualTo(RECIPE_URL);
        assertThat(r.lines.get(0).path("title").asText()).isEqualTo("Lentil soup for a cold evening");
        assertThat(r.lines.get(0).path("source").asText()).isEqualTo("cookbook.example");
        assertThat(r.err).containsExactly("1 pages, 1 articles written, 1 skipped, 0 errors");
    }

    @Test
    void malformedRecordsAreReportedAndTheNextOneStillRead() throws IOException {
        // a gzip-encoded page whose compressed bytes stop half way, inside a whole WARC record
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(gzip)) {
            zip.write(html("en", FERRY_TITLE, null, null, FERRY).getBytes(StandardCharsets.UTF_8));
        }
        byte[] halfGzip = Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2);
        HttpResponse brokenEncoding = new HttpResponse.Builder(200, "OK")
                .addHeader("Content-Encoding", "gzip")
                .body(MediaType.parse("text/html"), halfGzip)
                .build();
        List<WarcRecord> records = List.of(
                new WarcResponse.Builder(MISSING_URL)
                        .date(CAPTURED)
                        .body(
                                MediaType.HTTP_RESPONSE,
                                "this is not an HTTP response\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                        .build(),
                new WarcResponse.Builder(FERRY_URL + "-gzip")
                        .date(CAPTURED)
                        .body(brokenEncoding)
                        .build(),
                ferryPage());
        Path warc = write(dir.resolve("malformed.warc.gz"), WarcCompression.GZIP, records);

        Result r = run(warc.toString());

        assertThat(r.status).isZero();
        assertThat(r.lines).extracting(l -> l.path("url").asText()).containsExactly(FERRY_URL);
        assertThat(r.err).hasSize(3);
        assertThat(r.err.get(0)).startsWith("record 1 (" + MISSING_URL + ") at byte offset 0: malformed record: ");
        assertThat(r.err.get(1)).startsWith("record 2 (" + FERRY_URL + "-gzip) at byte offset ");
        assertThat(r.err.get(2)).isEqualTo("1 pages, 1 articles written, 0 skipped, 2 errors");
    }

    @ParameterizedTest
    @CsvSource({"GZIP, 5", "GZIP, 6", "NONE, 5", "NONE, 6"})
    void aFileCutInTheMiddleOfARecordKeepsTheRecordsBeforeTheCut(WarcCompression compression, int cutRecord)
            throws IOException {
        Path whole = dir.resolve("whole" + suffix(compression));
        long[] offsets = writeWithOffsets(whole, compression, archive());
        // cut record 5 (the image) or 6 (the Cyrillic page) in the middle
        long start = offsets[cutRecord - 1];
        int cut = (int) ((start + offsets[cutRecord]) / 2);
        Path cutShort = dir.resolve("cut" + suffix(compression));
        Files.write(cutShort, Arrays.copyOf(Files.readAllBytes(whole), cut));

        Result r = run(cutShort.toString());

        assertThat(r.status).isZero();
        assertThat(r.lines).extracting(l -> l.path("url").asText()).containsExactly(FERRY_URL);
        assertThat(r.lines.get(0).path("body").asText()).isEqualTo(String.join("\n\n", FERRY));
        assertThat(r.err).hasSize(2);
        assertThat(r.err.get(0))
                .startsWith("record " + cutRecord + " ")
                .contains("at byte offset " + start + ": ")
                .endsWith("; stopped reading");
        // before the cut: warcinfo, request, 404 (and the image) skipped
        assertThat(r.err.get(1)).isEqualTo("1 pages, 1 articles written, " + (cutRecord - 2) + " skipped, 1 errors");
    }

    @Test
    void aPayloadAboveEightMebibytesIsSkippedWithAMessage() throws IOException {
        StringBuilder huge = new StringBuilder("<html><body><article>");
        String paragraph = "<p>" + FERRY.get(0) + "</p>\n";
        while (huge.length() <= WarcToJsonl.MAX_PAYLOAD_BYTES) {
            huge.append(paragraph);
        }
        huge.append("</article></body></html>");
        Path warc = write(
                dir.resolve("huge.warc.gz"),
                WarcCompression.GZIP,
                List.of(
                        response(
                                FERRY_URL + "-full",
                                200,
                                "text/html",
                                huge.toString().getBytes(StandardCharsets.UTF_8)),
                        ferryPage()));

        Result r = run(warc.toString());

        assertThat(r.status).isZero();
        assertThat(r.lines).extracting(l -> l.path("url").asText()).containsExactly(FERRY_URL);
        assertThat(r.err)
                .containsExactly(
                        "record 1 (" + FERRY_URL + "-full): payload larger than 8 MiB, skipped",
                        "2 pages, 1 articles written, 1 skipped, 0 errors");
    }

    @Test
    void aFileThatIsNotAWarcExitsTwoNamingIt() throws IOException {
        Path text = dir.resolve("notes.warc");
        Files.writeString(text, "Shopping list\nmilk\nbread\n");

        Result r = run(text.toString());

        assertThat(r.status).isEqualTo(2);
        assertThat(r.lines).isEmpty();
        assertThat(r.err).hasSize(1);
        assertThat(r.err.get(0)).startsWith(text + ": not a WARC file (");

        Path empty = Files.createFile(dir.resolve("empty.warc.gz"));
        Result none = run(empty.toString());
        assertThat(none.status).isEqualTo(2);
        assertThat(none.err).containsExactly(empty + ": not a WARC file (it holds no records)");
    }

    @Test
    void aMissingFileExitsTwo() throws IOException {
        String missing = dir.resolve("nowhere.warc.gz").toString();
        Result r = run(missing);
        assertThat(r.status).isEqualTo(2);
        assertThat(r.err).containsExactly(missing + ": no such file");
    }

    @Test
    void theConversionStopsWhenItsLinesCannotBeWritten() throws IOException {
        Path warc = write(dir.resolve("crawl.warc"), WarcCompression.NONE, archive());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the upload stopped reading");
            }
        };

        assertThatThrownBy(() -> WarcToJsonl.run(
                        warc, gone, new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true)))
                .isInstanceOf(IOException.class)
                .hasMessage("the upload stopped reading");
    }

    // --- fixtures ---------------------------------------------------------------------------------

    /** warcinfo, request, article, 404, image, Cyrillic article in windows-1251, page without an article. */
    static List<WarcRecord> archive() throws IOException {
        byte[] snow = html("ru", SNOW_TITLE, null, null, SNOW).getBytes(CP1251);
        byte[] tags = ("<html><head><title>Tags - Harbour Gazette</title></head><body><nav><ul>"
                        + "<li><a href=\"/tags/ferries\">Ferries</a></li><li><a href=\"/tags/weather\">Weather</a></li>"
                        + "</ul></nav></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] notFound = "<html><head><title>Not found</title></head><body><p>Sorry.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Warcinfo.Builder()
                        .date(CAPTURED)
                        .filename("crawl.warc.gz")
                        .fields(Map.of("software", List.of("newsmon test")))
                        .build(),
                new WarcRequest.Builder(FERRY_URL)
                        .date(CAPTURED)
                        .body(new HttpRequest.Builder("GET", "/news/ferry-timetable")
                                .addHeader("Host", "gazette.example")
                                .build())
                        .build(),
                ferryPage(),
                response(MISSING_URL, 404, "text/html; charset=utf-8", notFound),
                response(IMAGE_URL, 200, "image/png", png()),
                response(SNOW_URL, 200, "text/html; charset=windows-1251", snow),
                response(EMPTY_URL, 200, null, tags));
    }

    private static WarcResponse ferryPage() throws IOException {
        String page = html("en", FERRY_TITLE, "Harbour Gazette", "2026-03-03T07:15:00Z", FERRY);
        return response(FERRY_URL, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static String html(String lang, String title, String site, String published, List<String> paragraphs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>")
                .append(title)
                .append("</title>");
        if (site != null) {
            html.append("<meta property=\"og:site_name\" content=\"")
                    .append(site)
                    .append("\">");
        }
        if (published != null) {
            html.append("<meta property=\"article:published_time\" content=\"")
                    .append(published)
                    .append("\">");
        }
        html.append("</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>")
                .append("<main><article><h1>")
                .append(title)
                .append("</h1>");
        for (String p : paragraphs) {
            html.append("<p>").append(p).append("</p>\n");
        }
        return html.append("</article></main><footer>Contact us</footer></body></html>")
                .toString();
    }

    private static WarcResponse response(String url, int status, String contentType, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(contentType == null ? null : MediaType.parse(contentType), body)
                .build();
        return new WarcResponse.Builder(url).date(CAPTURED).body(http).build();
    }

    private static byte[] png() {
        byte[] png = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        return png;
    }

    private static String suffix(WarcCompression compression) {
        return compression == WarcCompression.GZIP ? ".warc.gz" : ".warc";
    }

    static Path write(Path file, WarcCompression compression, List<WarcRecord> records) throws IOException {
        writeWithOffsets(file, compression, records);
        return file;
    }

    /** Writes the records; returns the byte offset of each record and, last, the file's length. */
    private static long[] writeWithOffsets(Path file, WarcCompression compression, List<WarcRecord> records)
            throws IOException {
        long[] offsets = new long[records.size() + 1];
        try (WarcWriter writer = new WarcWriter(
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE), compression)) {
            for (int i = 0; i < records.size(); i++) {
                offsets[i] = writer.position();
                writer.write(records.get(i));
            }
            offsets[records.size()] = writer.position();
        }
        return offsets;
    }

    private record Result(int status, List<JsonNode> lines, List<String> err) {}

    private static Result run(String file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = WarcToJsonl.run(
                Path.of(file), out, new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(json.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        List<String> errLines = err.toString(StandardCharsets.UTF_8).lines().toList();
        return new Result(status, lines, errLines);
    }
}
