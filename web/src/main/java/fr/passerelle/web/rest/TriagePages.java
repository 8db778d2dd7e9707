package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.model.InboxSummary;
import fr.passerelle.client.model.TriageItem;
import fr.passerelle.client.model.TriagePage;
import fr.passerelle.client.model.Urgency;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.coordination.Queries;
import fr.passerelle.web.coordination.TriageQuery;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** The coordinator's triage queue: what waits for the platform, most urgent and longest waiting first. */
@Path("/triage")
@Produces(MediaType.TEXT_HTML)
public class TriagePages {

    /** Items per page of the queue. */
    static final int PAGE = 20;
    /** With « en retard » the web filters the API's pages: it reads at most this many pages of 100 per screen. */
    static final int OVERDUE_SCAN = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(TriageQuery query, InboxSummary summary, List<TriageItem> items,
                                             String nextCursor, boolean scanCut);
    }

    @Inject
    Api api;

    @GET
    public TemplateInstance queue(@QueryParam("statut") String status, @QueryParam("urgence") String urgency,
                                  @QueryParam("enRetard") String overdue, @QueryParam("attribution") String assignee,
                                  @QueryParam("curseur") String cursor) throws ApiException {
        TriageQuery query = TriageQuery.of(status, urgency, overdue, assignee, cursor);
        InboxSummary summary = api.referrals().getInboxSummary(query.assignee());
        List<TriageItem> items = new ArrayList<>();
        String next = query.cursor();
        boolean cut = false;
        if (!query.overdueOnly()) {
            TriagePage page = api.triage().getTriageQueue(query.assignee(), next, PAGE, query.status(), urgencyOf(query));
            items.addAll(page.getItems());
            next = page.getNextCursor();
        } else {
            // The queue has no overdue filter (overdue items keep their place in its order): read whole pages and
            // keep the overdue ones, so the cursor of the last page read stays exact.
            int read = 0;
            do {
                TriagePage page = api.triage().getTriageQueue(query.assignee(), next, 100, query.status(), urgencyOf(query));
                page.getItems().stream().filter(i -> Boolean.TRUE.equals(i.getOverdue())).forEach(items::add);
                next = page.getNextCursor();
                read++;
            } while (next != null && items.size() < PAGE && read < OVERDUE_SCAN);
            cut = next != null && items.size() < PAGE;
        }
        return Templates.queue(query, summary, items, next, cut).data("currentPath", "/triage");
    }

    private static Urgency urgencyOf(TriageQuery q) {
        return q.urgency() == null ? null : Queries.code(q.urgency(), Urgency::fromValue);
    }
}
