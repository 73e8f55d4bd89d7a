package io.newsmon.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up check of the key that signs pause links. */
class AlertLinksTest {

    @Test
    void outsideDevAndTestsAWeakSecretStopsTheStart() {
        for (String weak : List.of(AlertConfig.DEV_SECRET, "", "short-secret", "a".repeat(40))) {
            assertThatThrownBy(() -> AlertLinks.requireStrongSecret(weak, List.of("prod")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("newsmon.alerts.secret")
                    .hasMessageContaining("NEWSMON_ALERTS_SECRET");
        }
        // a custom profile that is neither dev nor test is production for this purpose
        assertThatThrownBy(() -> AlertLinks.requireStrongSecret(AlertConfig.DEV_SECRET, List.of("staging")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void devAndTestProfilesKeepWorkingWithTheDevelopmentSecret() {
        assertThatCode(() -> AlertLinks.requireStrongSecret(AlertConfig.DEV_SECRET, List.of("dev")))
                .doesNotThrowAnyException();
        assertThatCode(() -> AlertLinks.requireStrongSecret(AlertConfig.DEV_SECRET, List.of("test", "it")))
                .doesNotThrowAnyException();
    }

    @Test
    void theLaunchersRandomSecretIsStrongEnough() {
        // ./newsmon writes head -c 32 /dev/urandom | base64 | tr -d '\n=' to data/.alerts-secret
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String launcher = Base64.getEncoder().encodeToString(bytes).replace("=", "");
        assertThat(launcher).hasSize(43);
        assertThat(AlertLinks.weakness(launcher)).isNull();
        assertThatCode(() -> AlertLinks.requireStrongSecret(launcher, List.of("prod")))
                .doesNotThrowAnyException();
    }
}
