package io.newsmon.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

class SignInUnavailableTest {

    @Test
    void anOidcFailureAnywhereInTheCauseChainIsAnOutage() {
        assertThat(SignInUnavailable.isOidcOutage(new OIDCException("OIDC Server is not available")))
                .isTrue();
        assertThat(SignInUnavailable.isOidcOutage(
                        new AuthenticationFailedException(new OIDCException("OIDC Server is not available"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreLeftToTheirOwnHandlers() {
        assertThat(SignInUnavailable.isOidcOutage(new AuthenticationFailedException("bad state cookie")))
                .isFalse();
        assertThat(SignInUnavailable.isOidcOutage(new IllegalStateException())).isFalse();
        assertThat(SignInUnavailable.isOidcOutage(null)).isFalse();
    }
}
