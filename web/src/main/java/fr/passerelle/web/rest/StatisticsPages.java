package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.StatsView;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.coordination.Queries;
import fr.passerelle.web.coordination.StatsCsv;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Statistics of the caller's scope (the API scopes them and hides small counts): figures, charts with a table
 * each, and the same answer as a CSV file for the platform's activity report.
 */
@Path("/")
public class StatisticsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(Form form, StatsReport report, String csvLink);
    }

    @Inject
    Api api;
    @Inject
    Codes codes;

    @GET
    @Path("statistiques")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("programmeId") String programme) throws ApiException {
        Form form = Form.empty().with("from", Queries.blankToNull(from)).with("to", Queries.blankToNull(to))
                .with("programmeId", Queries.blankToNull(programme));
        Filters f = Filters.read(from, to, programme);
        if (!f.errors.isEmpty()) {
            form.refusedBecause(new ApiProblem(400, null, null, null, f.errors, List.of(), null, List.of(), null));
            return html(400, Templates.stats(form, null, null));
        }
        try {
            StatsView view = api.statistics().getStats(f.from, null, f.programme, f.to);
            return html(200, Templates.stats(form, report(view), csvLink(f)));
        } catch (ApiException e) {
            if (e.getCode() == 400 || e.getCode() == 422) {
                form.refusedBecause(ApiProblem.of(e));
                return html(422, Templates.stats(form, null, null));
            }
            throw e;
        }
    }

    @GET
    @Path("statistiques.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("programmeId") String programme) throws ApiException {
        Filters f = Filters.read(from, to, programme);
        if (!f.errors.isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Filtre invalide : " + String.join(" ", f.errors.values())).build();
        }
        StatsView view = api.statistics().getStats(f.from, null, f.programme, f.to);
        StatsReport report = report(view);
        String programmeName = f.programme == null ? null : report.getByProgramme().stream()
                .filter(r -> f.programme.toString().equals(r.key())).map(StatsReport.Row::label).findFirst().orElse(null);
        String name = "statistiques-passerelle" + (f.from == null ? "" : "-du-" + f.from) + (f.to == null ? "" : "-au-" + f.to) + ".csv";
        return Response.ok(StatsCsv.bytes(report, programmeName))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private StatsReport report(StatsView view) {
        return new StatsReport(view, codes::label);
    }

    private static String csvLink(Filters f) {
        Map<String, String> p = new LinkedHashMap<>();
        if (f.from != null) p.put("from", f.from.toString());
        if (f.to != null) p.put("to", f.to.toString());
        if (f.programme != null) p.put("programmeId", f.programme.toString());
        StringBuilder link = new StringBuilder("/statistiques.csv");
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

    /** The filters as the API takes them, or the French error of each one that cannot be read. */
    static final class Filters {
        LocalDate from;
        LocalDate to;
        UUID programme;
        final Map<String, String> errors = new LinkedHashMap<>();

        static Filters read(String from, String to, String programme) {
            Filters f = new Filters();
            Optional<LocalDate> a = Queries.date(from);
            Optional<LocalDate> b = Queries.date(to);
            Optional<UUID> p = Queries.uuid(programme);
            if (a == null) f.errors.put("from", "Saisissez une date au format jj/mm/aaaa."); else f.from = a.orElse(null);
            if (b == null) f.errors.put("to", "Saisissez une date au format jj/mm/aaaa."); else f.to = b.orElse(null);
            if (p == null) f.errors.put("programmeId", "Choisissez un dispositif de la liste."); else f.programme = p.orElse(null);
            if (f.from != null && f.to != null && f.to.isBefore(f.from)) {
                f.errors.put("to", "La date de fin doit suivre la date de début.");
            }
            return f;
        }
    }
}
