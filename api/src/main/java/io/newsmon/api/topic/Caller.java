package io.newsmon.api.topic;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is asking: the token's subject (else user name), e-mail, display name, and whether an admin. The
 * e-mail is taken only when the token says the identity provider verified it ({@code email_verified}):
 * alerts go to it without a confirmation, so an unverified address could be anyone's.
 */
public record Caller(String id, String email, String name, boolean admin) {

    static Caller of(SecurityIdentity identity) {
        String id = identity.getPrincipal().getName();
        String email = null;
        String name = id;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null && !jwt.getSubject().isBlank()) {
                id = jwt.getSubject();
            }
            email = verified(jwt.getClaim("email_verified")) ? jwt.getClaim("email") : null;
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                name = preferred;
            }
        }
        return new Caller(id, email, name, identity.hasRole("admin"));
    }

    static boolean verified(Object claim) {
        if (claim instanceof Boolean b) {
            return b;
        }
        if (claim instanceof jakarta.json.JsonValue v) {
            return v == jakarta.json.JsonValue.TRUE
                    || (v instanceof jakarta.json.JsonString str && "true".equalsIgnoreCase(str.getString()));
        }
        return claim != null && "true".equalsIgnoreCase(claim.toString());
    }
}
