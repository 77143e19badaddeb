package org.infodesk.server.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The LAO registry in the database: imported in one transaction, read by code. */
public final class Registry {

    private final DataSource dataSource;

    public Registry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What an import did. */
    public record Imported(int laos, int districtOffices) {}

    /**
     * Stores the LAOs of a checked file, and a district office for each of their districts, in one
     * transaction: an LAO already there is updated (names, district), none is deleted.
     */
    public Imported importAll(List<Lao> laos) throws SQLException {
        Set<List<String>> districts = new LinkedHashSet<>();
        laos.forEach(lao -> districts.add(List.of(lao.province(), lao.district())));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement office = connection.prepareStatement(
                         "INSERT INTO district_office (province, district) VALUES (?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement lao = connection.prepareStatement("""
                         INSERT INTO lao (code, name_th, name_en, province, district) VALUES (?, ?, ?, ?, ?)
                         ON CONFLICT (code) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en,
                             province = excluded.province, district = excluded.district""")) {
                for (List<String> district : districts) {
                    office.setString(1, district.get(0));
                    office.setString(2, district.get(1));
                    office.addBatch();
                }
                office.executeBatch();
                for (Lao each : laos) {
                    lao.setString(1, each.code());
                    lao.setString(2, each.nameTh());
                    lao.setString(3, each.nameEn());
                    lao.setString(4, each.province());
                    lao.setString(5, each.district());
                    lao.addBatch();
                }
                lao.executeBatch();
                connection.commit();
                return new Imported(laos.size(), districts.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public Optional<Lao> find(String code) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT code, name_th, name_en, district, province FROM lao WHERE code = ?")) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Lao(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)))
                        : Optional.empty();
            }
        }
    }

    public int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM lao")) {
            row.next();
            return row.getInt(1);
        }
    }
}
