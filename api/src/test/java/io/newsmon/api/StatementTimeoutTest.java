package io.newsmon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every connection of the service's pool carries the statement timeout (newsmon.db.statement-timeout, 5 s in
 * tests): a query that runs longer is cancelled with SQLSTATE 57014, on H2 and, in the integration profile, on
 * PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StatementTimeoutTest {

    @Inject
    DataSource dataSource;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aQueryLongerThanTheStatementTimeoutIsCancelledWithAClearError() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            boolean postgres =
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
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
}
