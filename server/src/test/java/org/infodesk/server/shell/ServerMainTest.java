package org.infodesk.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.storage.Database;
import org.infodesk.server.support.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The administrator's commands, run as the command line runs them, against a database of their own. */
class ServerMainTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    Path dataDir;

    String url;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void newDatabase() {
        url = postgres.newDatabaseUrl();
    }

    int run(String... args) {
        return Commands.run(url, dataDir, out, err, args);
    }

    @Test
    void importRegistryAcceptsTheSample() throws Exception {
        Path sample = Files.write(dataDir.resolve("sample.csv"), RegistryCsv.sample());

        assertThat(run("import-registry", sample.toString())).isZero();

        assertThat(out.toString()).contains("Imported 41 LAOs in 9 districts");
        assertThat(count("SELECT count(*) FROM lao")).isEqualTo(41);
        assertThat(count("SELECT count(*) FROM district_office")).isEqualTo(9);
    }

    @Test
    void importRegistryImportsTheBuiltInSample() throws Exception {
        assertThat(run("import-registry", "--sample")).isZero();

        assertThat(out.toString()).contains("Imported 41 LAOs in 9 districts from the Phitsanulok sample");
        assertThat(err.toString()).doesNotContain("warning");
    }

    @Test
    void importRegistryRefusesABadFileNamingTheLineAndStoresNothing() throws Exception {
        Path bad = Files.writeString(dataDir.resolve("bad.csv"), "code,name_th,name_en,district,province\n"
                + "5650801,เทศบาลตำบลวังทอง,Wang Thong,วังทอง,พิษณุโลก\n"
                + "65080X,ผิด,Wrong,วังทอง,พิษณุโลก\n", StandardCharsets.UTF_8);

        assertThat(run("import-registry", bad.toString())).isEqualTo(ServerMain.REFUSED);

        assertThat(err.toString()).contains("nothing imported", "line 3: code \"65080X\"");
        assertThat(count("SELECT count(*) FROM lao")).isZero();
        assertThat(count("SELECT count(*) FROM district_office")).isZero();
    }

    @Test
    void issueEnrolmentCodePrintsACodeThatIsStoredOnlyHashed() throws Exception {
        Path sample = Files.write(dataDir.resolve("sample.csv"), RegistryCsv.sample());
        run("import-registry", sample.toString());

        assertThat(run("issue-enrolment-code", "--lao", "5650801")).isZero();
        String code = out.toString().lines().filter(line -> line.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}")).findFirst().orElseThrow();
        assertThat(out.toString()).contains("5650801 เทศบาลตำบลวังทอง");
        assertThat(run("issue-enrolment-code", "--district", "วังทอง")).isZero();

        assertThat(count("SELECT count(*) FROM enrolment_code")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM enrolment_code WHERE position(convert_to('" + code + "', 'UTF8') in code_hash) > 0"))
                .isZero();
    }

    @Test
    void issueEnrolmentCodeRefusesAnLaoOutsideTheRegistry() {
        assertThat(run("issue-enrolment-code", "--lao", "6999999")).isEqualTo(ServerMain.REFUSED);

        assertThat(err.toString()).contains("no LAO 6999999 in the registry");
    }

    @Test
    void revokeDeviceRefusesAnUnknownDevice() {
        assertThat(run("revoke-device", "00000000-0000-0000-0000-000000000009")).isEqualTo(ServerMain.REFUSED);
    }

    @Test
    void wrongUsageIsAnUsageErrorNotAStackTrace() {
        assertThat(run("issue-enrolment-code")).isEqualTo(2);
        assertThat(err.toString()).contains("--lao", "--district").doesNotContain("Exception");
    }

    int count(String query) throws Exception {
        try (Database database = Database.open(new Database.Settings(Optional.of(url), Optional.empty(), Optional.empty(), dataDir, 2));
             Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getInt(1);
        }
    }
}
