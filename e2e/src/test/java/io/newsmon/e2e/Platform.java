package io.newsmon.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the running platform is, and tokens from its real Keycloak. */
final class Platform {

    static final String WEB = System.getProperty("newsmon.e2e.web", "http://127.0.0.1:8080");
    static final String API = System.getProperty("newsmon.e2e.api", "http://127.0.0.1:8081");
    static final String KEYCLOAK = System.getProperty("newsmon.e2e.keycloak", "http://127.0.0.1:8180/realms/newsmon");

    private Platform() {}

    /**
     * The password of the launcher's H2 database: {@code -Dnewsmon.e2e.db-password}, or the random one the
     * launcher keeps in {@code data/.db-password} of this checkout.
     */
    static String h2Password() throws IOException {
        String given = System.getProperty("newsmon.e2e.db-password");
        if (given != null) {
            return given;
        }
        Path file = Path.of("..", "data", ".db-password").toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            throw new IllegalStateException(file + " is missing: start the platform with ./newsmon up (it creates"
                    + " the H2 password there), or pass -Dnewsmon.e2e.db-password");
        }
        return Files.readString(file).strip();
    }

    /**
     * Waits until the demo newsroom's 21 articles are ENRICHED: ingest fetches politely (one page per
     * second per host), so a freshly started platform needs about half a minute.
     */
    static void awaitDemoArticles() {
        String token = token("analyst", "analyst");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> given().auth()
                                .oauth2(token)
                                .get(API + "/api/articles?state=ENRICHED&size=1")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Integer>path("total")
                        >= 21);
    }

    /** A password-grant token from the local-only newsmon-cli client. */
    static String token(String user, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "newsmon-cli")
                .formParam("username", user)
                .formParam("password", password)
                .post(KEYCLOAK + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
