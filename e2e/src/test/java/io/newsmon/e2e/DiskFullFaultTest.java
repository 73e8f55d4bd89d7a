package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * The api's index disk full, for real: the api is restarted with a small tmpfs over {@code data/index}, rebuilds
 * its index from the database and hits ENOSPC. Readiness must be DOWN naming the failure, search must answer 503
 * (not 500) and the process must keep running; once the tmpfs is given room again, readiness is UP again without
 * a restart and the index holds exactly what the database holds (CheckIndex finds nothing wrong). Needs root, to
 * mount the tmpfs ({@code .ci/run}'s faults step); skipped otherwise.
 */
class DiskFullFaultTest {

    private static final Path INDEX = Launcher.ROOT.resolve("data").resolve("index");
    /** A fifth of the index rebuilt from the demo newsroom and the batch below (81 articles: 308 KB). */
    private static final String SMALL = System.getProperty("newsmon.faults.index-tmpfs", "64k");

    private static final int ARTICLES = Integer.getInteger("newsmon.faults.disk-articles", 60);

    @Test
    void aFullIndexDiskTurnsReadinessDownAndTheApiRecoversWhenSpaceReturns() throws Exception {
        assumeTrue(
                "0".equals(output(List.of("id", "-u")).strip()),
                "DiskFullFaultTest mounts a tmpfs over data/index: it runs as root only (as .ci/run does)");
        assumeTrue(
                tmpfsAllowed(), "DiskFullFaultTest: mount -t tmpfs is not permitted here (no CAP_SYS_ADMIN?); skipped");
        assertThat(mounted())
                .as("a tmpfs is still mounted on %s (an earlier run?): umount it first", INDEX)
                .isFalse();

        // 1. a batch of our own, enriched and searchable, in a database that also holds the demo newsroom's
        String tag = "disk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String source = "Fault test " + tag;
        given().auth()
                .oauth2(Platform.token("admin", "admin"))
                .contentType("application/x-ndjson")
                .body(PostgresRestartFaultTest.articles(tag, source, ARTICLES).getBytes(StandardCharsets.UTF_8))
                .post(Platform.API + "/api/imports")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> PostgresRestartFaultTest.states(source).equals(Map.of("ENRICHED", (long) ARTICLES)));
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> PostgresRestartFaultTest.searchTotal(tag) == ARTICLES);
        long enriched = enrichedInDatabase();
        long normalIndexBytes = bytes(INDEX);

        long apiBefore = pid();
        boolean tmpfs = false;
        Throwable failed = null;
        try {
            // 2. the api restarted on a small tmpfs: it rebuilds the index from the database and fills it
            Launcher.newsmon("down", "api");
            Launcher.run(
                    List.of("mount", "-t", "tmpfs", "-o", "size=" + SMALL + ",mode=755", "tmpfs", INDEX.toString()),
                    30);
            tmpfs = true;
            long started = System.nanoTime();
            Launcher.newsmon("up", "--no-wait", "api");
            long api = pid();
            assertThat(api).as("a new api process").isNotEqualTo(apiBefore);

            // 3. DOWN with the reason, 503 for search, and the process still there
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> readiness().failure() != null);
            long downMillis = (System.nanoTime() - started) / 1_000_000;
            Readiness down = readiness();
            assertThat(down.status())
                    .as("/q/health/ready with a full index disk")
                    .isEqualTo(503);
            assertThat(down.failure())
                    .as("the readiness check's failure")
                    .contains("index writer failed")
                    .containsIgnoringCase("No space left on device");
            String analyst = Platform.token("analyst", "analyst");
            Response search =
                    given().auth().oauth2(analyst).queryParam("q", tag).get(Platform.API + "/api/search");
            assertThat(search.statusCode())
                    .as("search while the index disk is full: %s", search.asString())
                    .isEqualTo(503);
            assertThat(search.contentType()).startsWith("application/problem+json");
            assertThat(search.asString()).contains("search index is unavailable", "No space left on device");
            long usedWhileFull = usedBytes();
            // a reopen round (every 10 s) on the still full disk must fail again, not report UP
            Thread.sleep(11_000);
            assertThat(readiness().status())
                    .as("readiness after a recovery attempt on the full disk")
                    .isEqualTo(503);
            assertThat(ProcessHandle.of(api).map(ProcessHandle::isAlive))
                    .as("the api keeps running")
                    .contains(true);

            // 4. room again: UP without a restart, exactly the database's articles
            Launcher.run(List.of("mount", "-o", "remount,size=64m", INDEX.toString()), 30);
            long back = System.nanoTime();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> readiness().status() == 200);
            long upMillis = (System.nanoTime() - back) / 1_000_000;
            assertThat(pid()).as("the same api process").isEqualTo(api);
            assertThat(ProcessHandle.of(api).map(ProcessHandle::isAlive)).contains(true);
            Set<Long> ids = PostgresRestartFaultTest.searchHitIds(tag, ARTICLES);
            assertThat(PostgresRestartFaultTest.searchTotal(tag))
                    .as("search total for the batch")
                    .isEqualTo(ARTICLES);
            assertThat(ids).as("distinct search hits for the batch").hasSize(ARTICLES);
            JsonPath status = given().auth()
                    .oauth2(analyst)
                    .get(Platform.API + "/api/search/status")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(status.getBoolean("ready"))
                    .as("status ready: %s", status.prettify())
                    .isTrue();
            assertThat(status.getString("failure")).as("status failure").isNull();
            assertThat(status.getLong("indexedSeq"))
                    .as("indexed sequence: %s", status.prettify())
                    .isGreaterThanOrEqualTo(status.getLong("databaseSeq"));
            assertThat(status.getLong("documents") + status.getLong("skipped"))
                    .as("documents and skipped articles against the database's enriched ones: %s", status.prettify())
                    .isEqualTo(enrichedInDatabase());
            long usedAfter = usedBytes();

            // the index the api leaves behind on the tmpfs is sound and holds every article
            Launcher.newsmon("down", "api");
            CheckIndex.Status check;
            int onDisk;
            try (Directory dir = FSDirectory.open(INDEX);
                    CheckIndex checker = new CheckIndex(dir)) {
                check = checker.checkIndex();
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    onDisk = reader.numDocs();
                }
            }
            assertThat(check.clean).as("CheckIndex of the recovered index").isTrue();
            assertThat((long) onDisk).as("documents in the recovered index").isEqualTo(status.getLong("documents"));

            System.out.printf(
                    Locale.ROOT,
                    "faults: index disk full (tmpfs %s; the normal index of %d articles takes %d KB): readiness DOWN"
                            + " naming ENOSPC %d ms after the api was started (%d KB used), search 503, api kept"
                            + " running; after the remount to 64m readiness UP again %d ms later without a restart,"
                            + " the batch's %d articles found once each, %d documents (%d KB), CheckIndex clean%n",
                    SMALL,
                    enriched,
                    normalIndexBytes / 1024,
                    downMillis,
                    usedWhileFull / 1024,
                    upMillis,
                    ids.size(),
                    onDisk,
                    usedAfter / 1024);
        } catch (Throwable t) {
            failed = t;
            throw t;
        } finally {
            restore(tmpfs, failed);
        }
    }

    /**
     * Step 5, whatever happened before: the api stopped, the tmpfs gone, the api running again on the normal
     * index. Every step is tried; a failure here is added to the test's own failure, or thrown when there was none.
     */
    private static void restore(boolean tmpfs, Throwable failed) throws Exception {
        Throwable first = null;
        List<List<String>> steps = tmpfs
                ? List.of(
                        List.of("./newsmon", "down", "api"),
                        List.of("bash", "-c", "umount \"$0\" || umount -l \"$0\"", INDEX.toString()),
                        List.of("./newsmon", "up", "api"))
                : List.of(List.of("./newsmon", "up", "api"));
        for (List<String> step : steps) {
            try {
                Launcher.run(step, 300);
            } catch (Exception | AssertionError e) {
                if (failed != null) {
                    failed.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Exception e) {
            throw e;
        } else if (first instanceof Error e) {
            throw e;
        }
    }

    private record Readiness(int status, String failure) {}

    /** The api's readiness and its search index failure; status 0 while the api does not answer. */
    private static Readiness readiness() {
        try {
            Response r = given().get(Platform.API + "/q/health/ready");
            List<Map<String, Object>> checks = r.jsonPath().getList("checks");
            String failure = null;
            for (Map<String, Object> c : checks == null ? List.<Map<String, Object>>of() : checks) {
                if ("search-index".equals(c.get("name")) && c.get("data") instanceof Map<?, ?> data) {
                    Object f = data.get("failure");
                    failure = f == null ? null : f.toString();
                }
            }
            return new Readiness(r.statusCode(), failure);
        } catch (Exception notListeningYet) { // a refused connection, thrown unchecked by REST Assured
            return new Readiness(0, null);
        }
    }

    private static long pid() throws IOException {
        return Long.parseLong(
                Files.readString(Launcher.ROOT.resolve("data/pids/api.pid")).strip());
    }

    private static long enrichedInDatabase() throws Exception {
        try (Connection c = PostgresRestartFaultTest.connect();
                PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM article WHERE state = 'ENRICHED'");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException gone) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    /** What the tmpfs on the index directory holds, as df counts it. */
    private static long usedBytes() throws IOException {
        var store = Files.getFileStore(INDEX);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    private static boolean mounted() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f.length > 1 && f[1].equals(INDEX.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Whether this process may mount a tmpfs (a throwaway one, nothing of the platform touched). */
    private static boolean tmpfsAllowed() throws Exception {
        Path probe = Files.createTempDirectory("newsmon-tmpfs-probe");
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                return false;
            }
            Launcher.run(List.of("umount", probe.toString()), 30);
            return true;
        } catch (IOException noMountCommand) {
            return false;
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static String output(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
