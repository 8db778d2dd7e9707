package fr.passerelle.referral.rest;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.referral.service.StatsService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;

@Authenticated
public class StatsResource implements StatsApi {

    @Inject
    StatsService stats;

    @Override
    public Response stats(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("platformId") UUID platformId, @QueryParam("programmeId") UUID programmeId) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badParameter("to", "must not be before from", "RANGE");
        }
        return Response.ok(stats.compute(from, to, platformId, programmeId)).build();
    }
}
