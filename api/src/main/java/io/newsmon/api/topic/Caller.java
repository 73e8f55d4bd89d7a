package io.newsmon.api.topic;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking: the token's subject (else user name), e-mail, display name, and whether an admin. */
public record Caller(String id, String email, String name, boolean admin) {

    static Caller of(SecurityIdentity identity) {
        String id = identity.getPrincipal().getName();
        String email = null;
        String name = id;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null && !jwt.getSubject().isBlank()) {
                id = jwt.getSubject();
            }
            email = jwt.getClaim("email");
            String preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                name = preferred;
            }
        }
        return new Caller(id, email, name, identity.hasRole("admin"));
    }
}
