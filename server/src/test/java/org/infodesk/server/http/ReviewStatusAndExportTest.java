package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.server.review.Reviewers;
import org.infodesk.server.support.OnStatusScenario;
import org.infodesk.server.support.StatusScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status and the export over the review API, on the status scenario: a reviewer sees and
 * downloads what lies in its scope, in JSON, CSV and xlsx, and nothing outside it.
 */
class ReviewStatusAndExportTest extends OnStatusScenario {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static String national;
    static String wangThong;

    @BeforeAll
    static void reviewers() throws Exception {
        Reviewers reviewers = new Reviewers(scenario.server.database().dataSource(), Clock.systemUTC());
        national = reviewers.add("dla.central", "กรมส่งเสริมการปกครองท้องถิ่น", null, null).token();
        wangThong = reviewers.add("wangthong", "ท้องถิ่นอำเภอวังทอง", StatusScenario.PROVINCE, StatusScenario.WANG_THONG).token();
    }

    static HttpResponse<byte[]> get(String token, String pathAndQuery) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + scenario.server.port() + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String thai(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aDistrictReviewerGetsItsDistrictsStatusByDefaultWithTheNote() throws Exception {
        HttpResponse<byte[]> response = get(wangThong, ReviewApi.STATUS + "?fiscal_year=2564");

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode report = new ObjectMapper().readTree(response.body());
        assertThat(report.path("scope").path("district").asText()).isEqualTo(StatusScenario.WANG_THONG);
        assertThat(report.path("note").asText()).contains("NOTHING");
        assertThat(report.path("laos")).allSatisfy(lao -> assertThat(lao.path("district").asText()).isEqualTo(StatusScenario.WANG_THONG));
        assertThat(report.path("laos").findValuesAsText("code")).contains(StatusScenario.LAO).doesNotContain(StatusScenario.CITY);
    }

    @Test
    void aScopeOutsideTheReviewersIsForbiddenAndAnUnknownYearOrParameterIsABadValue() throws Exception {
        assertProblem(get(wangThong, ReviewApi.STATUS + "?fiscal_year=2564&district=" + thai(StatusScenario.MUEANG)), 403, "NOT_IN_SCOPE");
        assertProblem(get(national, ReviewApi.STATUS + "?fiscal_year=2563"), 400, "BAD_VALUE");
        assertProblem(get(national, ReviewApi.STATUS + "?fiscal_year=2564&colour=red"), 400, "BAD_VALUE");
        assertProblem(get(national, ReviewApi.STATUS + "?fiscal_year=2564&district=" + thai(StatusScenario.WANG_THONG)), 400, "BAD_VALUE");
        assertProblem(get(national, ReviewApi.EXPORT + "?fiscal_year=2564&format=pdf"), 400, "BAD_VALUE");
        assertProblem(get("not-a-token", ReviewApi.STATUS + "?fiscal_year=2564"), 401, "UNAUTHENTICATED");
    }

    @Test
    void theCsvExportIsTheAcceptedDataOfTheScopeAsAnAttachmentWithAByteOrderMark() throws Exception {
        HttpResponse<byte[]> response = get(national, ReviewApi.EXPORT + "?fiscal_year=2564&format=csv&province=" + thai(StatusScenario.PROVINCE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"infodesk-accepted-2564.csv\"");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFfiscal_year,");
        assertThat(text.lines().skip(1).map(line -> line.split(",")[3]).distinct())
                .containsExactlyInAnyOrder(StatusScenario.LAO, StatusScenario.NEIGHBOUR);
    }

    @Test
    void theXlsxStatusSheetOpensWithOneRowPerLaoAndDomainOfTheScope() throws Exception {
        HttpResponse<byte[]> response = get(wangThong, ReviewApi.EXPORT + "?fiscal_year=2564&format=xlsx&sheet=status");

        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = book.getSheetAt(0);
            long laos = scenario.status().report(StatusScenario.YEAR,
                    org.infodesk.server.status.Scope.district(StatusScenario.PROVINCE, StatusScenario.WANG_THONG)).laos().size();
            assertThat(sheet.getLastRowNum()).isEqualTo((int) laos * 8);
        }
    }

    static void assertProblem(HttpResponse<byte[]> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
        assertThat(new ObjectMapper().readTree(response.body()).path("code").asText()).isEqualTo(code);
    }
}
