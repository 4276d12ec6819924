package vn.inspection.pipeline.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates Spring Batch's tables in the home's H2 job repository when the repository is new, and only then.
 * Spring Boot's own initializer runs Spring Batch's schema script on every start; on an existing repository each
 * {@code CREATE TABLE} fails ("Table already exists"), Boot carries on, and H2 appends every failure to
 * {@code batch/jobs.trace.db}, which grew on every command. Same script, same settings, run once.
 */
@Configuration(proxyBeanMethods = false)
class JobRepositorySchema {

    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource, BatchJdbcProperties properties) {
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                String prefix = properties.getTablePrefix() != null ? properties.getTablePrefix() : "BATCH_"; // Spring Batch's default
                if (exists(dataSource, prefix + "JOB_INSTANCE")) {
                    return false;
                }
                return super.initializeDatabase();
            }
        };
    }

    static boolean exists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, table.toUpperCase(java.util.Locale.ROOT), null)) {
            return tables.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the job repository: " + e.getMessage(), e);
        }
    }
}
