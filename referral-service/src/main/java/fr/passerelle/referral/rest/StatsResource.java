package fr.passerelle.referral.rest;

import fr.passerelle.referral.api.StatsView;
import fr.passerelle.common.time.ClockProducer;
import fr.passerelle.referral.service.StatsCsv;
import fr.passerelle.referral.service.StatsService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

@Authenticated
public class StatsResource implements StatsApi {

    private static final MediaType CSV = MediaType.valueOf(StatsCsv.MEDIA_TYPE);

    @Inject
    StatsService stats;
    @Context
    HttpHeaders headers;

    @Override
    public Response stats(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("platformId") UUID platformId, @QueryParam("programmeId") UUID programmeId,
            @QueryParam("groupBy") String groupBy) {
        StatsView view = stats.compute(new StatsService.Query(from, to, platformId, programmeId, groupBy));
        if (!wantsCsv()) {
            return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
        }
        LocalDate today = LocalDate.ofInstant(view.generatedAt(), ClockProducer.PARIS);
        return Response.ok(StatsCsv.write(view, today).getBytes(StandardCharsets.UTF_8), CSV.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + StatsCsv.filename(view, today) + "\"")
                .build();
    }

    /** CSV when the caller prefers it to JSON (the Accept list comes sorted by preference). */
    private boolean wantsCsv() {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }
}
