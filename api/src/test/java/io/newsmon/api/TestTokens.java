package io.newsmon.api;

import static io.restassured.RestAssured.given;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens for tests: minted for the mock OIDC server by default, or fetched from the real
 * Keycloak (password grant of the local-only {@code newsmon-cli} client) in the integration profile.
 */
public final class TestTokens {

    private TestTokens() {}

    public static String analyst() {
        return token("analyst", List.of("analyst"));
    }

    public static String admin() {
        return token("admin", List.of("admin", "analyst"));
    }

    /** A second analyst, for what one user must not see of another's. */
    public static String reporter() {
        return token("reporter", List.of("analyst"));
    }

    /** The {@code sub} claim of a token: the owner id the api stores for its user. */
    public static String subject(String token) {
        String payload = new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(payload)
                    .get("sub")
                    .asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not a JWT payload: " + payload, e);
        }
    }

    /** True in the integration profile, where tokens come from the real Keycloak and cannot carry invented claims. */
    public static boolean fromRealKeycloak() {
        return !System.getProperty("newsmon.it.keycloak.url", "").isBlank();
    }

    private static String token(String user, List<String> roles) {
        String keycloak = System.getProperty("newsmon.it.keycloak.url", "");
        if (!keycloak.isBlank()) {
            return given().formParam("grant_type", "password")
                    .formParam("client_id", "newsmon-cli")
                    .formParam("username", user)
                    .formParam("password", user)
                    .post(keycloak + "/protocol/openid-connect/token")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("access_token");
        }
        return Jwt.preferredUserName(user)
                .subject("sub-" + user)
                .claim("email", user + "@newsmon.local")
                .claim("email_verified", true)
                .claim("realm_access", Map.of("roles", roles))
                .issuer("https://server.example.com")
                .audience("newsmon-api")
                .sign();
    }
}
