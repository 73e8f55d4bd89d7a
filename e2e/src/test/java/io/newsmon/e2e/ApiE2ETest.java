package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import org.junit.jupiter.api.Test;

/** The api of the running platform with real Keycloak tokens. */
class ApiE2ETest {

    @Test
    void anonymousCallsAreRefused() {
        given().get(Platform.API + "/api/articles").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theDemoArticlesAreEnrichedAndReadable() {
        Platform.awaitDemoArticles();
        String token = Platform.token("analyst", "analyst");
        given().auth()
                .oauth2(token)
                .get(Platform.API + "/api/articles?state=ENRICHED&size=100")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(21));
    }

    @Test
    void onlyAdminsAddSources() {
        String body = "{\"url\":\"http://127.0.0.1:9/e2e-feed.xml\"}";
        given().auth()
                .oauth2(Platform.token("analyst", "analyst"))
                .contentType("application/json")
                .body(body)
                .post(Platform.API + "/api/sources")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Platform.token("admin", "admin"))
                .contentType("application/json")
                .body("{\"url\":\"not a url\"}")
                .post(Platform.API + "/api/sources")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
    }
}
