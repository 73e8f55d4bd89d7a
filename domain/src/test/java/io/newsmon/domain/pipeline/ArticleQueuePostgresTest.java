package io.newsmon.domain.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The work queue on a real PostgreSQL; runs in the integration profile ({@code -Pintegration}). */
class ArticleQueuePostgresTest extends ArticleQueueContract {

    @Override
    protected DataSource dataSource() {
        String url = System.getProperty("newsmon.it.pg.url", "");
        assumeTrue(!url.isBlank(), "PostgreSQL not configured: run with -Pintegration (see .ci/run) to test on it");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(System.getProperty("newsmon.it.pg.user"));
        ds.setPassword(System.getProperty("newsmon.it.pg.password"));
        return ds;
    }
}
