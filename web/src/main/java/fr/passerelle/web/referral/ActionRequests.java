package fr.passerelle.web.referral;

import fr.passerelle.client.model.AcceptRequest;
import fr.passerelle.client.model.AssignRequest;
import fr.passerelle.client.model.CancelReason;
import fr.passerelle.client.model.CancelRequest;
import fr.passerelle.client.model.CompleteRequest;
import fr.passerelle.client.model.DeclineReason;
import fr.passerelle.client.model.DeclineRequest;
import fr.passerelle.client.model.FollowUpCreateRequest;
import fr.passerelle.client.model.FollowUpKind;
import fr.passerelle.client.model.Outcome;
import fr.passerelle.client.model.OutcomeFollowUpRequest;
import fr.passerelle.client.model.OutcomeMilestone;
import fr.passerelle.client.model.RedirectRequest;
import fr.passerelle.client.model.StartRequest;
import fr.passerelle.client.model.Urgency;
import fr.passerelle.client.model.Visibility;
import fr.passerelle.client.model.WaitlistRequest;
import fr.passerelle.web.client.ApiProblem;
import fr.passerelle.web.client.FrenchMessages;
import fr.passerelle.web.view.Form;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds the API's request of each action from what was posted in its form ({@link ReferralAction#field}). Only what
 * cannot be sent at all (a date or an id that does not parse) is refused here; every business rule, required
 * members included, is the API's to check, and its violations come back next to the same fields ({@link #scoped}).
 */
public final class ActionRequests {

    /** The values that could not be turned into a request, by input name: the form is shown again with them. */
    public static final class Invalid extends Exception {
        private final transient ApiProblem problem;

        Invalid(Map<String, String> errors) {
            super("invalid form", null, false, false);
            this.problem = new ApiProblem(422, null, null, null, Map.copyOf(errors), List.of(), null, List.of(), null);
        }

        public ApiProblem problem() {
            return problem;
        }
    }

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Form form;
    private final ReferralAction action;

    private ActionRequests(Form form, ReferralAction action) {
        this.form = form;
        this.action = action;
    }

    public static AcceptRequest accept(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.ACCEPT);
        AcceptRequest request = new AcceptRequest().commissionDate(r.date("commissionDate")).comment(r.text("comment"));
        return r.done(request);
    }

    public static WaitlistRequest waitlist(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.WAITLIST);
        return r.done(new WaitlistRequest()
                .commissionDate(r.date("commissionDate")).comment(r.text("comment")));
    }

    public static DeclineRequest decline(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.DECLINE);
        return r.done(new DeclineRequest().reason(r.code("reason", DeclineReason::fromValue))
                .commissionDate(r.date("commissionDate")).comment(r.text("comment")));
    }

    public static StartRequest start(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.START);
        return r.done(new StartRequest().startDate(r.date("startDate")));
    }

    public static CompleteRequest complete(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.COMPLETE);
        return r.done(new CompleteRequest().outcome(r.code("outcome", Outcome::fromValue))
                .outcomeDate(r.date("outcomeDate")).comment(r.text("comment")));
    }

    /** The situation 6 or 12 months after the exit: the milestone comes from the page (the one the API says is due). */
    public static OutcomeFollowUpRequest outcomeFollowUp(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.OUTCOME_FOLLOW_UP);
        return r.done(new OutcomeFollowUpRequest().milestone(r.code("milestone", OutcomeMilestone::fromValue))
                .situation(r.code("situation", Outcome::fromValue)).note(r.text("note")));
    }

    public static CancelRequest cancel(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.CANCEL);
        return r.done(new CancelRequest().reason(r.code("reason", CancelReason::fromValue)).comment(r.text("comment")));
    }

    public static RedirectRequest redirect(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.REDIRECT);
        return r.done(new RedirectRequest().programmeId(r.uuid("programmeId"))
                .urgency(r.code("urgency", Urgency::fromValue)).context(r.text("context"))
                .eligibilityOverrideReason(r.text("eligibilityOverrideReason")).comment(r.text("comment")));
    }

    public static FollowUpCreateRequest followUp(Form form) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.FOLLOW_UP);
        return r.done(new FollowUpCreateRequest().kind(r.code("kind", FollowUpKind::fromValue))
                .entryDate(r.date("entryDate")).visibility(r.code("visibility", Visibility::fromValue))
                .text(r.text("text")));
    }

    /**
     * Assignment: the button pressed says to whom ({@code assign.mode}: {@code moi} → the caller's own id,
     * {@code personne} → unassign, {@code collegue} → the id typed in {@code assign.assigneeId}).
     */
    public static AssignRequest assign(Form form, String callerId) throws Invalid {
        ActionRequests r = new ActionRequests(form, ReferralAction.ASSIGN);
        String mode = form.value(ReferralAction.ASSIGN.field("mode"));
        AssignRequest request = new AssignRequest();
        switch (mode) {
            case "moi" -> request.assigneeId(callerId);
            case "personne" -> request.assigneeId(null);
            default -> {
                String colleague = r.text("assigneeId");
                if (colleague == null) {
                    r.errors.put(r.action.field("assigneeId"), "Indiquez l'identifiant du collègue.");
                }
                request.assigneeId(colleague);
            }
        }
        return r.done(request);
    }

    /**
     * The API's refusal with its field names moved into the action's form ({@code commissionDate} →
     * {@code accept.commissionDate}); the API may name a member with a path ({@code body.commissionDate}): its last
     * segment is the member.
     */
    public static ApiProblem scoped(ApiProblem problem, ReferralAction action) {
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fieldErrors().forEach((name, message) -> {
            String member = name.substring(name.lastIndexOf('.') + 1);
            fields.merge(action.field(member), message, (a, b) -> a + " " + b);
        });
        return new ApiProblem(problem.status(), problem.title(), problem.detail(), problem.requestId(), fields,
                problem.otherErrors(), problem.currentStatus(), problem.allowedActions(), problem.existingId());
    }

    private <T> T done(T request) throws Invalid {
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return request;
    }

    private String text(String member) {
        return form.optional(action.field(member));
    }

    private LocalDate date(String member) {
        String value = text(member);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(action.field(member), "La date n'est pas valide (format attendu : jj/mm/aaaa).");
            return null;
        }
    }

    private UUID uuid(String member) {
        String value = text(member);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.put(action.field(member), FrenchMessages.violation("UUID", null));
            return null;
        }
    }

    /** A code from a list; an unknown one is sent as is (the generated enum's unknown value) for the API to refuse. */
    private <E> E code(String member, Function<String, E> parse) {
        String value = text(member);
        return value == null ? null : parse.apply(value);
    }
}
