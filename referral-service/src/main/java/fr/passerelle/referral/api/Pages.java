package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.passerelle.common.paging.CursorResponse;
import fr.passerelle.common.paging.PageResponse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One named page type per list, so that the contract types each list's items (a generic page would leave them untyped
 * for clients). Same wire shape as {@link PageResponse} and {@link CursorResponse}.
 */
public final class Pages {

    private static final String ITEMS = "The items of this page (empty past the last page).";
    private static final String PAGE = "Zero-based page number, as requested.";
    private static final String SIZE = "Page size, as requested (1 to 100).";
    private static final String TOTAL = "Number of items across all pages.";

    private Pages() {
    }

    @Schema(name = "CasePage", description = "A page of cases.", requiredProperties = {"items", "page", "size", "totalItems"})
    public record CasePage(@Schema(description = ITEMS) List<CaseView> items, @Schema(description = PAGE) int page,
                           @Schema(description = SIZE) int size, @Schema(description = TOTAL) long totalItems) {
        public static CasePage of(PageResponse<CaseView> p) {
            return new CasePage(p.items(), p.page(), p.size(), p.totalItems());
        }
    }

    @Schema(name = "TimelinePage", description = "A page of a case's timeline events.",
            requiredProperties = {"items", "page", "size", "totalItems"})
    public record TimelinePage(@Schema(description = ITEMS) List<TimelineEventView> items, @Schema(description = PAGE) int page,
                               @Schema(description = SIZE) int size, @Schema(description = TOTAL) long totalItems) {
        public static TimelinePage of(PageResponse<TimelineEventView> p) {
            return new TimelinePage(p.items(), p.page(), p.size(), p.totalItems());
        }
    }

    @Schema(name = "ReferralPage", description = "A page of referrals.", requiredProperties = {"items", "page", "size", "totalItems"})
    public record ReferralPage(@Schema(description = ITEMS) List<ReferralView> items, @Schema(description = PAGE) int page,
                               @Schema(description = SIZE) int size, @Schema(description = TOTAL) long totalItems) {
        public static ReferralPage of(PageResponse<ReferralView> p) {
            return new ReferralPage(p.items(), p.page(), p.size(), p.totalItems());
        }
    }

    @Schema(name = "FollowUpPage", description = "A page of a referral's follow-up entries.",
            requiredProperties = {"items", "page", "size", "totalItems"})
    public record FollowUpPage(@Schema(description = ITEMS) List<FollowUpView> items, @Schema(description = PAGE) int page,
                               @Schema(description = SIZE) int size, @Schema(description = TOTAL) long totalItems) {
        public static FollowUpPage of(PageResponse<FollowUpView> p) {
            return new FollowUpPage(p.items(), p.page(), p.size(), p.totalItems());
        }
    }

    @Schema(name = "AuditPage", description = "A page of access-log rows.", requiredProperties = {"items", "page", "size", "totalItems"})
    public record AuditPage(@Schema(description = ITEMS) List<AuditEntryView> items, @Schema(description = PAGE) int page,
                            @Schema(description = SIZE) int size, @Schema(description = TOTAL) long totalItems) {
        public static AuditPage of(PageResponse<AuditEntryView> p) {
            return new AuditPage(p.items(), p.page(), p.size(), p.totalItems());
        }
    }

    @Schema(name = "WebhookPage", description = "A page of webhook subscriptions.",
            requiredProperties = {"items", "page", "size", "totalItems"})
    public record WebhookPage(@Schema(description = ITEMS) List<WebhookView> items, @Schema(description = PAGE) int page,
                              @Schema(description = SIZE) int size, @Schema(description = TOTAL) long totalItems) {
        public static WebhookPage of(PageResponse<WebhookView> p) {
            return new WebhookPage(p.items(), p.page(), p.size(), p.totalItems());
        }
    }

    @Schema(name = "WebhookDeliveryPage", description = "A page of a subscription's deliveries log.",
            requiredProperties = {"items", "page", "size", "totalItems"})
    public record WebhookDeliveryPage(@Schema(description = ITEMS) List<WebhookDeliveryView> items,
                                      @Schema(description = PAGE) int page, @Schema(description = SIZE) int size,
                                      @Schema(description = TOTAL) long totalItems) {
        public static WebhookDeliveryPage of(PageResponse<WebhookDeliveryView> p) {
            return new WebhookDeliveryPage(p.items(), p.page(), p.size(), p.totalItems());
        }
    }

    /** nextCursor is absent on the last page (the service's rule: a member without a value is not sent). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TriagePage", description = "A page of the triage queue; pass nextCursor back as cursor for the next one.",
            requiredProperties = "items")
    public record TriagePage(@Schema(description = "The items of this page.") List<TriageItem> items,
                             @Schema(description = "Opaque cursor of the next page; absent on the last page.", maxLength = 200)
                             String nextCursor) {
        public static TriagePage of(CursorResponse<TriageItem> p) {
            return new TriagePage(p.items(), p.nextCursor());
        }
    }
}
