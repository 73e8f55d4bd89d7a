package io.newsmon.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Behind the Kubernetes Ingress TLS ends at the proxy, which forwards plain HTTP with X-Forwarded-Proto/-Host: the
 * login redirect must still send Keycloak the public https:// redirect URI, or Keycloak refuses the login.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ApiStubResource.class)
class ForwardedHeadersTest {

    @Test
    void aRequestForwardedFromHttpsGetsAnHttpsRedirectUriOnThePublicHost() {
        String location = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "newsmon.example.org")
                .get("/search?q=harbour")
                .then()
                .statusCode(302)
                .extract()
                .header("Location");

        assertThat(redirectUri(location)).startsWith("https://newsmon.example.org/");
    }

    @Test
    void withoutForwardedHeadersTheRedirectUriIsTheDirectOne() {
        String location = given().redirects()
                .follow(false)
                .get("/search?q=harbour")
                .then()
                .statusCode(302)
                .extract()
                .header("Location");

        assertThat(redirectUri(location)).startsWith("http://localhost:").doesNotContain("newsmon.example.org");
    }

    private static String redirectUri(String location) {
        String query = URI.create(location).getRawQuery();
        return Arrays.stream(query.split("&"))
                .filter(p -> p.startsWith("redirect_uri="))
                .map(p -> URLDecoder.decode(p.substring("redirect_uri=".length()), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no redirect_uri in " + location));
    }
}
