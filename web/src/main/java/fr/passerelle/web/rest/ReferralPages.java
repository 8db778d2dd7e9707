package fr.passerelle.web.rest;

import fr.passerelle.client.ApiException;
import fr.passerelle.client.ApiResponse;
import fr.passerelle.client.model.FollowUpPage;
import fr.passerelle.client.model.Programme;
import fr.passerelle.client.model.ProgrammePage;
import fr.passerelle.client.model.ReferralPage;
import fr.passerelle.client.model.ReferralView;
import fr.passerelle.client.model.TargetType;
import fr.passerelle.web.client.Api;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.referral.ActionRequests;
import fr.passerelle.web.referral.Caller;
import fr.passerelle.web.referral.ListFilter;
import fr.passerelle.web.referral.ReferralAction;
import fr.passerelle.web.referral.ReferralScreen;
import fr.passerelle.web.security.Viewer;
import fr.passerelle.web.view.Form;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Referrals: the list the user may see (the partner's inbox), one referral with its follow-up log and a form for
 * every lifecycle action the API allows the user now. Every action posts back here and, once the API accepted it,
 * redirects to the referral (Post/Redirect/Get).
 */
@Path("/orientations")
@Produces(MediaType.TEXT_HTML)
public class ReferralPages {

    /** « À traiter » has no API filter: that many open referrals are read (100 a page) and filtered here. */
    private static final int ACTION_NEEDED_SCAN_PAGES = 5;
    private static final int REDIRECT_SCAN_PAGES = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ReferralView> items, ListFilter filter, long total, int pages,
                                            String callerId, boolean truncated);

        static native TemplateInstance detail(ReferralScreen s);
    }

    @Inject
    Api api;
    @Inject
    Viewer viewer;
    @Inject
    Caller caller;

    @GET
    public TemplateInstance list(@QueryParam("statut") String statut, @QueryParam("enRetard") String enRetard,
                                 @QueryParam("attribuees") String attribuees, @QueryParam("aTraiter") String aTraiter,
                                 @QueryParam("page") String page) throws ApiException {
        ListFilter filter = ListFilter.of(statut, enRetard, attribuees, aTraiter, page);
        List<ReferralView> items;
        long total;
        boolean truncated = false;
        if (filter.actionNeeded()) {
            List<ReferralView> needed = new ArrayList<>();
            int scanned = 0;
            for (int p = 0; p < ACTION_NEEDED_SCAN_PAGES; p++) {
                ReferralPage answer = api.referrals().listReferrals(filter.assignee(), filter.overdueParameter(), p,
                        100, filter.status(), null);
                // partner staff also have the situation after the exit to record (6 or 12 months on)
                answer.getItems().stream().filter(r -> ListFilter.needsAction(r)
                        || (viewer.isPartner() && r.getOutcomeFollowUpDue() != null)).forEach(needed::add);
                scanned += answer.getItems().size();
                if (answer.getItems().size() < 100 || scanned >= answer.getTotalItems()) {
                    break;
                }
                truncated = p == ACTION_NEEDED_SCAN_PAGES - 1;
            }
            total = needed.size();
            int from = Math.min(needed.size(), (filter.page() - 1) * ListFilter.PAGE_SIZE);
            items = needed.subList(from, Math.min(needed.size(), from + ListFilter.PAGE_SIZE));
        } else {
            ReferralPage answer = api.referrals().listReferrals(filter.assignee(), filter.overdueParameter(),
                    filter.page() - 1, ListFilter.PAGE_SIZE, filter.status(), null);
            items = answer.getItems();
            total = answer.getTotalItems() == null ? items.size() : answer.getTotalItems();
        }
        int pages = (int) Math.max(1, (total + ListFilter.PAGE_SIZE - 1) / ListFilter.PAGE_SIZE);
        return Templates.list(items, filter, total, pages, caller.id(), truncated).data("currentPath", "/orientations");
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id, @QueryParam("fait") String done) throws ApiException {
        return page(uuid(id), Form.empty(), null, ReferralAction.confirmationFor(done), 200);
    }

    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String rawId, @PathParam("action") String slug,
                        MultivaluedMap<String, String> posted) throws ApiException {
        UUID id = uuid(rawId);
        ReferralAction action = ReferralAction.bySlug(slug).orElseThrow(NotFoundException::new);
        Form form = Form.of(posted);
        try {
            perform(action, id, form.value("version"), form);
            return Response.seeOther(URI.create("/orientations/" + id + "?fait=" + action.done())).build();
        } catch (ActionRequests.Invalid invalid) {
            form.refusedBecause(invalid.problem());
            return page(id, form, action, null, 422);
        } catch (ApiException e) {
            ApiProblem problem = ApiProblem.of(e);
            switch (problem.status()) {
                case 400, 422 -> {
                    form.refusedBecause(ActionRequests.scoped(problem, action));
                    return page(id, form, action, null, 422);
                }
                // 409: not possible in this state (the page lists what is); 412/428: someone else changed it —
                // the page is read again (fresh data and ETag) with the user's values kept; 429/503: try again in a
                // moment (e.g. the directory could not confirm a redirect's target), nothing typed is lost.
                case 409, 412, 428, 429, 503 -> {
                    form.refusedBecause(problem);
                    return page(id, form, action, null, problem.status());
                }
                default -> throw e;
            }
        }
    }

    private void perform(ReferralAction action, UUID id, String ifMatch, Form form)
            throws ApiException, ActionRequests.Invalid {
        var referrals = api.referrals();
        switch (action) {
            case SUBMIT -> referrals.submitReferral(id, ifMatch);
            case RECEIVE -> referrals.receiveReferral(id, ifMatch);
            case ACCEPT -> referrals.acceptReferral(id, ifMatch, ActionRequests.accept(form));
            case WAITLIST -> referrals.waitlistReferral(id, ifMatch, ActionRequests.waitlist(form));
            case DECLINE -> referrals.declineReferral(id, ifMatch, ActionRequests.decline(form));
            case START -> referrals.startReferral(id, ifMatch, ActionRequests.start(form));
            case COMPLETE -> referrals.completeReferral(id, ifMatch, ActionRequests.complete(form));
            case CANCEL -> referrals.cancelReferral(id, ifMatch, ActionRequests.cancel(form));
            case REDIRECT -> referrals.redirectReferral(id, ifMatch, ActionRequests.redirect(form),
                    form.optional("idempotencyKey"));
            case ASSIGN -> referrals.assignReferral(id, ifMatch, ActionRequests.assign(form, caller.id()));
            case FOLLOW_UP -> api.followUps().createFollowUp(id, ActionRequests.followUp(form),
                    form.optional("idempotencyKey"));
            case OUTCOME_FOLLOW_UP -> referrals.recordOutcomeFollowUp(id, ifMatch, ActionRequests.outcomeFollowUp(form));
        }
    }

    /** The referral page, read afresh (data and ETag), with the form as typed when the API refused it. */
    private Response page(UUID id, Form form, ReferralAction failed, String message, int status) throws ApiException {
        ApiResponse<ReferralView> read = api.referrals().getReferralWithHttpInfo(id);
        ReferralView referral = read.getData();
        FollowUpPage log = api.followUps().listFollowUps(id, 0, 100);
        List<Programme> targets = referral.getAllowedActions().contains(
                fr.passerelle.client.model.LifecycleAction.REDIRECT) ? redirectTargets(referral) : List.of();
        ReferralScreen screen = new ReferralScreen(referral, etag(read.getHeaders()), log.getItems(),
                log.getTotalItems() == null ? log.getItems().size() : log.getTotalItems(), targets,
                ReferralScreen.withDefaults(form, referral, failed), failed, message, caller.id(),
                viewer.isReferent() || viewer.isCoordinator(), UUID.randomUUID().toString(), viewer.isPartner());
        String html = Templates.detail(screen).data("currentPath", "/orientations").render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /**
     * Where a coordinator may redirect a referral: the open programmes of its platform's member organisations (the
     * directory lists each programme's platforms), the current target left out.
     */
    private List<Programme> redirectTargets(ReferralView referral) throws ApiException {
        UUID platform = referral.getTargetType() == TargetType.PLATFORM ? referral.getTargetId()
                : referral.getTriagePlatformId();
        List<Programme> found = new ArrayList<>();
        for (int p = 0; p < REDIRECT_SCAN_PAGES; p++) {
            ProgrammePage answer = api.programmes().listProgrammes(null, null, null, null, Boolean.TRUE, null, p, null,
                    null, 100, null, null);
            for (Programme programme : answer.getItems()) {
                if ((platform == null || programme.getPlatformIds().contains(platform))
                        && !programme.getId().equals(referral.getTargetId())) {
                    found.add(programme);
                }
            }
            if (answer.getItems().size() < 100) {
                break;
            }
        }
        return found;
    }

    private static String etag(Map<String, List<String>> headers) {
        if (headers != null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if ("etag".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
        }
        return "";
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
