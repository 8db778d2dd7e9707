package fr.passerelle.web.rest;

import fr.passerelle.client.ApiClient;
import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.StatsView;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.coordination.Queries;
import fr.passerelle.web.coordination.StatsReport;
import fr.passerelle.web.view.Codes;
import fr.passerelle.web.view.Form;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Statistics of the caller's scope (the API scopes them, hides small counts and their complements): figures, charts
 * with a table each, a grouped table, and the API's own CSV file (the API is the one writer of the file).
 */
@Path("/")
public class StatisticsPages {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The groupings offered, in the order of the selector, with their French label. */
    static final Map<String, String> GROUPINGS = groupings();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(Form form, StatsReport report, String csvLink, Map<String, String> groupings);
    }

    @Inject
    Api api;
    @Inject
    Codes codes;

    @GET
    @Path("statistiques")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("programmeId") String programme, @QueryParam("groupBy") String groupBy) throws ApiException {
        Filters f = Filters.read(from, to, programme, groupBy, LocalDate.now(PARIS));
        Form form = Form.empty().with("from", f.from == null ? Queries.blankToNull(from) : f.from.toString())
                .with("to", f.to == null ? Queries.blankToNull(to) : f.to.toString())
                .with("programmeId", Queries.blankToNull(programme)).with("groupBy", Queries.blankToNull(groupBy));
        if (!f.errors.isEmpty()) {
            form.refusedBecause(new ApiProblem(400, null, null, null, f.errors, List.of(), null, List.of(), null));
            return html(400, Templates.stats(form, null, null, GROUPINGS));
        }
        try {
            StatsView view = api.statistics().getStats(f.from, f.groupBy, null, f.programme, f.to);
            return html(200, Templates.stats(form, report(view), link("/statistiques.csv", f), GROUPINGS));
        } catch (ApiException e) {
            if (e.getCode() == 400 || e.getCode() == 422) {
                form.refusedBecause(ApiProblem.of(e));
                return html(422, Templates.stats(form, null, null, GROUPINGS));
            }
            throw e;
        }
    }

    /** The API's CSV, passed through with its file name: the web tier writes no CSV of its own. */
    @GET
    @Path("statistiques.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("programmeId") String programme, @QueryParam("groupBy") String groupBy)
            throws ApiException, IOException, InterruptedException {
        Filters f = Filters.read(from, to, programme, groupBy, LocalDate.now(PARIS));
        if (!f.errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Filtre invalide : " + String.join(" ", f.errors.values())).build();
        }
        ApiClient client = api.client();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + link("/api/v1/stats", f)))
                .header("Accept", "text/csv").GET();
        if (client.getReadTimeout() != null) {
            request.timeout(client.getReadTimeout());
        }
        if (client.getRequestInterceptor() != null) {
            client.getRequestInterceptor().accept(request);
        }
        HttpResponse<byte[]> answer = client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new ApiException(answer.statusCode(), "statistics CSV", answer.headers(),
                    new String(answer.body(), StandardCharsets.UTF_8));
        }
        String disposition = answer.headers().firstValue("Content-Disposition").orElse("attachment; filename=\"statistiques.csv\"");
        return Response.ok(answer.body()).type("text/csv; charset=UTF-8").header("Content-Disposition", disposition).build();
    }

    private StatsReport report(StatsView view) {
        return new StatsReport(view, codes::label);
    }

    private static String link(String path, Filters f) {
        Map<String, String> p = new LinkedHashMap<>();
        if (f.from != null) p.put("from", f.from.toString());
        if (f.to != null) p.put("to", f.to.toString());
        if (f.programme != null) p.put("programmeId", f.programme.toString());
        if (f.groupBy != null) p.put("groupBy", f.groupBy);
        StringBuilder link = new StringBuilder(path);
        char sep = '?';
        for (var e : p.entrySet()) {
            link.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return link.toString();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.data("currentPath", "/statistiques").render()).build();
    }

    private static Map<String, String> groupings() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("month", "Par mois");
        g.put("school", "Par établissement d'origine");
        g.put("reason", "Par motif");
        g.put("programme", "Par dispositif");
        g.put("commune", "Par commune de résidence");
        g.put("urgency", "Par urgence");
        g.put("outcome", "Par situation (à la sortie, à 6 et 12 mois)");
        return g;
    }

    /** The school year holding the day: 1 September to 31 August. */
    static LocalDate[] schoolYear(LocalDate day) {
        int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return new LocalDate[] {LocalDate.of(start, 9, 1), LocalDate.of(start + 1, 8, 31)};
    }

    /** The filters as the API takes them (the current school year when no date is given), or the French errors. */
    static final class Filters {
        LocalDate from;
        LocalDate to;
        UUID programme;
        String groupBy;
        final Map<String, String> errors = new LinkedHashMap<>();

        static Filters read(String from, String to, String programme, String groupBy, LocalDate today) {
            Filters f = new Filters();
            Optional<LocalDate> a = Queries.date(from);
            Optional<LocalDate> b = Queries.date(to);
            Optional<UUID> p = Queries.uuid(programme);
            if (a == null) f.errors.put("from", "Saisissez une date au format jj/mm/aaaa."); else f.from = a.orElse(null);
            if (b == null) f.errors.put("to", "Saisissez une date au format jj/mm/aaaa."); else f.to = b.orElse(null);
            if (p == null) f.errors.put("programmeId", "Choisissez un dispositif de la liste."); else f.programme = p.orElse(null);
            String g = Queries.blankToNull(groupBy);
            if (g != null && !GROUPINGS.containsKey(g)) {
                f.errors.put("groupBy", "Choisissez un regroupement de la liste.");
            } else {
                f.groupBy = g;
            }
            if (f.errors.isEmpty() && f.from == null && f.to == null && Queries.blankToNull(from) == null
                    && Queries.blankToNull(to) == null) {
                LocalDate[] year = schoolYear(today);
                f.from = year[0];
                f.to = year[1];
            }
            if (f.from != null && f.to != null && f.to.isBefore(f.from)) {
                f.errors.put("to", "La date de fin doit suivre la date de début.");
            }
            return f;
        }
    }
}
