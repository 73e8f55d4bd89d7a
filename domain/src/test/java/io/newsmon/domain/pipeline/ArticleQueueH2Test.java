package io.newsmon.domain.pipeline;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The work queue on H2 in PostgreSQL mode, the single-machine database. */
class ArticleQueueH2Test extends ArticleQueueContract {

    @Override
    protected DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(
                "jdbc:h2:mem:queue;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }
}
