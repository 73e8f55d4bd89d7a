package io.newsmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The statement timeout (newsmon.db.statement-timeout, 5 s in tests): a query that runs longer is cancelled with
 * SQLSTATE 57014. On PostgreSQL (integration profile) through the service's own pool: the server enforces
 * statement_timeout whatever the client does. On H2 on a new connection with the service's connection
 * properties: H2 keeps one query timeout per session and lets {@code Statement.setQueryTimeout} (Hibernate's
 * transaction timeout) replace it, so a pooled H2 connection may have lost it (see README, configuration).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StatementTimeoutTest {

    private static final String PROPERTIES = "quarkus.datasource.jdbc.additional-jdbc-properties.";

    @Inject
    DataSource dataSource;

    @Inject
    Config config;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aQueryLongerThanTheStatementTimeoutIsCancelledWithAClearError() throws SQLException {
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        try (Connection c = postgres ? dataSource.getConnection() : newConnection(url);
                Statement s = c.createStatement()) {
            String setting = postgres
                    ? "SELECT current_setting('statement_timeout')"
                    : "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'";
            try (ResultSet rs = s.executeQuery(setting)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the session's timeout").isIn("5000", "5s");
            }
            // PostgreSQL sleeps; H2 has no sleep that it interrupts, but counts ten billion rows far longer than 5 s
            String slow = postgres
                    ? "SELECT pg_sleep(30)"
                    : "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b";
            assertThatThrownBy(() -> s.executeQuery(slow).next()).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).containsIgnoringCase(postgres ? "statement timeout" : "timed out");
            });
            // the connection is still good for the next query
            assertThat(s.executeQuery("SELECT 1").next()).isTrue();
        }
    }

    /** A connection as the pool opens one: the service's URL, credentials and connection properties. */
    private Connection newConnection(String url) throws SQLException {
        Properties p = new Properties();
        p.put(
                "user",
                config.getOptionalValue("quarkus.datasource.username", String.class)
                        .orElse(""));
        p.put(
                "password",
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
        for (String key : new String[] {"options", "QUERY_TIMEOUT"}) {
            p.put(key, config.getValue(PROPERTIES + key, String.class));
        }
        return DriverManager.getConnection(url, p);
    }
}
