/**
 * Opening the server's PostgreSQL (ADR 0008): external by JDBC URL or embedded in the data
 * folder, the HikariCP pool and the Flyway ladder in {@code db/server}. The feature packages
 * (registry, enrolment, ingest) write their own SQL against the {@link javax.sql.DataSource}:
 * there is one dialect, PostgreSQL's, on both.
 */
package org.infodesk.server.storage;
