package fr.passerelle.e2e;

import static fr.passerelle.e2e.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.support.Api;
import fr.passerelle.e2e.support.E2e;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's "done means": the demo coordinator downloads its platform's school year as CSV, through the gateway with
 * a real token, in the form a French spreadsheet opens (BOM, ';', CRLF, « s » for hidden counts); another platform's
 * figures are refused.
 */
@E2e
class StatisticsCsvIT {

    @Test
    void theCoordinatorDownloadsItsPlatformsYearAsCsv() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        String from = start + "-09-01";
        String to = (start + 1) + "-08-31";
        Response r = as("coordinator1").accept("text/csv")
                .get("/api/v1/stats?groupBy=month&from=" + from + "&to=" + to);
        r.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"passerelle-statistiques-plateforme-"
                        + Api.COORDINATOR1_PLATFORM + "-" + from + "-" + to + ".csv\""));
        byte[] bytes = r.asByteArray();
        assertTrue(bytes.length > 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF, "UTF-8 BOM");
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\nPériode;du 01/09/" + start + " au 31/08/" + (start + 1)), csv);
        assertTrue(csv.contains("\r\nCode;Mois;En attente de décision;"), csv);
        assertTrue(csv.contains("\r\n" + start + "-09;septembre " + start + ";"), "every month of the year is a row: " + csv);
        assertTrue(csv.contains("\r\nTOTAL;Total;"), csv);
        // the same figures as JSON, scoped to the coordinator's platform
        as("coordinator1").get("/api/v1/stats?from=" + from + "&to=" + to).then().statusCode(200)
                .body("scope.kind", equalTo("PLATFORM")).body("scope.id", equalTo(Api.COORDINATOR1_PLATFORM));
        as("coordinator1").get("/api/v1/stats?platformId=00000000-0000-4000-8000-000000000000").then().statusCode(403);
    }
}
