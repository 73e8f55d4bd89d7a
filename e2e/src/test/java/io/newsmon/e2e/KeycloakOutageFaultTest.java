package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Keycloak down while api and web start (as after a reboot where Keycloak comes up last): the api refuses a
 * request it cannot check with 503 or 401, never 500; the dashboard answers with a page that says sign-in is
 * unavailable, not an error dump; and when Keycloak is back both work again without being restarted.
 */
class KeycloakOutageFaultTest {

    @Test
    void apiAndDashboardRefuseCleanlyWhileKeycloakIsDownAndRecoverWithoutRestart() throws Exception {
        String token = Platform.token("analyst", "analyst");
        try {
            Launcher.newsmon("down", "keycloak");
            Launcher.newsmon("down", "api", "web");
            Launcher.newsmon("up", "api", "web");
            long api = pid("api");
            long web = pid("web");

            Response refused = given().auth().oauth2(token).get(Platform.API + "/api/articles?size=1");
            assertThat(refused.statusCode())
                    .as("the api, asked with a token it cannot check: %s", refused.asString())
                    .isIn(401, 503);
            Response page = given().redirects().follow(false).get(Platform.WEB + "/");
            assertThat(page.statusCode())
                    .as("the dashboard while sign-in is impossible: %s", page.asString())
                    .isEqualTo(503);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString())
                    .containsIgnoringCase("sign-in")
                    .doesNotContain("Stack:", "Exception", "Error id");

            Launcher.newsmon("up", "keycloak");
            String fresh = Platform.token("analyst", "analyst");
            given().auth()
                    .oauth2(fresh)
                    .get(Platform.API + "/api/articles?size=1")
                    .then()
                    .statusCode(200);
            try (Chromium chromium = new Chromium()) {
                chromium.signIn("analyst", "analyst");
                assertThat(chromium.driver.getCurrentUrl()).startsWith(Platform.WEB);
                assertThat(chromium.driver.findElement(By.tagName("h1")).getText())
                        .isEqualTo("Overview");
            }
            assertThat(pid("api")).as("api not restarted").isEqualTo(api);
            assertThat(pid("web")).as("web not restarted").isEqualTo(web);
        } finally {
            Launcher.newsmon("up", "keycloak", "api", "web");
        }
    }

    private static long pid(String component) throws Exception {
        return Long.parseLong(Files.readString(Path.of("..", "data", "pids", component + ".pid"))
                .strip());
    }
}
