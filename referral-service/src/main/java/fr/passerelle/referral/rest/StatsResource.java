package fr.passerelle.referral.rest;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.referral.service.StatsService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

@Authenticated
public class StatsResource implements StatsApi {

    @Inject
    StatsService stats;

    @Override
    public Response stats(String from, String to, String platformId, String programmeId) {
        LocalDate f = QueryParams.date("from", from);
        LocalDate t = QueryParams.date("to", to);
        if (f != null && t != null && t.isBefore(f)) {
            throw ProblemException.badParameter("to", "must not be before from", "RANGE");
        }
        return Response.ok(stats.compute(f, t, QueryParams.uuid("platformId", platformId), QueryParams.uuid("programmeId", programmeId)))
                .build();
    }
}
