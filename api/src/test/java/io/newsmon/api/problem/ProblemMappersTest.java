package io.newsmon.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.OIDCException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void anUnreachableIdentityProviderIsA503WithRetryAfterNotA500() {
        Response r =
                new ProblemMappers().identityProviderUnavailable(new OIDCException("OIDC Server is not available"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("30");
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) r.getEntity()).detail()).contains("Keycloak").contains("try again");
    }
}
