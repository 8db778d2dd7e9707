package fr.passerelle.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Aggregates without personal data, over the referrals the caller's scope covers. Any count from 1 to"
        + " minimumCount - 1 is hidden (value null, hidden=true), and further counts are hidden so that no hidden count can be"
        + " recomputed from the published ones and the totals (complementary suppression); true zeros are published. A rate"
        + " is hidden when its numerator, its denominator or their difference is.",
        requiredProperties = {"generatedAt", "scope", "filters", "minimumCount", "total", "byStatus", "byPlatform", "byProgramme",
                "byOutcome", "timeToFirstResponse", "acceptanceRate", "positiveExitRate"})
public record StatsView(
        Instant generatedAt,
        Scope scope,
        Filters filters,
        @Schema(examples = "5") int minimumCount,
        Count total,
        List<Group> byStatus,
        List<Group> byPlatform,
        List<Group> byProgramme,
        List<Group> byOutcome,
        Duration timeToFirstResponse,
        Rate acceptanceRate,
        Rate positiveExitRate,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The table asked for with groupBy; absent without groupBy.") Table table) {

    /** Whose referrals the figures cover: decided from the caller's role and attachment, never from a parameter. */
    public enum ScopeKind { SCHOOL, PLATFORM, ORGANISATION, TERRITORY }

    @Schema(name = "StatsScope", description = "The scope applied: a referent gets the referrals filed from their school, a"
            + " coordinator those its platform filed or coordinates, partner staff those addressed to their organisation's"
            + " programmes, an auditor or a directory editor the whole territory.", requiredProperties = {"kind", "id", "label"})
    public record Scope(ScopeKind kind,
                        @Schema(nullable = true, examples = "0690047B", description = "The school's UAI, the platform's or the"
                                + " organisation's id; null for the territory.") String id,
                        @Schema(examples = "Établissement 0690047B") String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StatsFilters", description = "The filters applied; a filter not given is absent.")
    public record Filters(LocalDate from, LocalDate to, UUID platformId, UUID programmeId,
                          @Schema(examples = "month") String groupBy) {
    }

    @Schema(name = "StatsCount", requiredProperties = {"value", "hidden"})
    public record Count(@Schema(nullable = true) Long value, boolean hidden) {
    }

    @Schema(name = "StatsGroup", requiredProperties = {"key", "label", "count", "hidden"})
    public record Group(@Schema(examples = "SUBMITTED") String key,
                        @Schema(nullable = true, description = "French label; null for a key without one.") String label, @Schema(nullable = true) Long count, boolean hidden) {
    }

    @Schema(name = "StatsResponseTime", description = "From submission to receipt, in hours, over the referrals received.",
            requiredProperties = {"medianHours", "averageHours", "basedOn", "hidden"})
    public record Duration(@Schema(nullable = true) Double medianHours, @Schema(nullable = true) Double averageHours,
                           Count basedOn, boolean hidden) {
    }

    @Schema(name = "StatsRate", description = "acceptance: accepted / (accepted + declined); positive exits: positive outcomes / completed.",
            requiredProperties = {"value", "numerator", "denominator", "hidden"})
    public record Rate(@Schema(nullable = true) Double value, Count numerator, Count denominator, boolean hidden) {
    }

    @Schema(name = "StatsTable", description = "Rows (one per value of groupBy) by columns (measures). For every groupBy but"
            + " outcome the columns split the referrals filed by where they stand now, so a row's total is the number of"
            + " referrals filed: PENDING (submitted, received or waitlisted), ACCEPTED (accepted or started), DECLINED,"
            + " POSITIVE_EXIT (completed with a positive exit), OTHER_EXIT (completed otherwise), CLOSED (redirected or"
            + " cancelled). For groupBy=outcome the rows are the situations and the columns the moments they were recorded"
            + " (AT_COMPLETION, SIX_MONTHS, TWELVE_MONTHS); the columns do not add up, so rowTotals is false and the rows have no"
            + " total.", requiredProperties = {"groupBy", "columns", "rowTotals", "rows", "totals"})
    public record Table(@Schema(examples = "school") String groupBy, List<Column> columns,
                        @Schema(description = "Whether each row publishes its total.") boolean rowTotals,
                        List<Row> rows,
                        @Schema(description = "The column totals; its total is the grand total.") Row totals) {
    }

    @Schema(name = "StatsColumn", requiredProperties = {"key", "label"})
    public record Column(@Schema(examples = "DECLINED") String key, @Schema(examples = "Refusées") String label) {
    }

    @Schema(name = "StatsRow", description = "One row: its cells in the order of columns, and its total.",
            requiredProperties = {"key", "label", "cells"})
    public record Row(@Schema(examples = "2026-09", description = "month: YYYY-MM; school: the origin school's UAI;"
                              + " commune: the pupil's home commune INSEE code; programme: its id, or PLATFORM for referrals to a"
                              + " platform; reason, urgency, outcome: their code; NONE when not recorded; TOTAL for the totals.")
                      String key,
                      @Schema(examples = "septembre 2026") String label,
                      List<Count> cells,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      @Schema(description = "The row total; absent when rowTotals is false.") Count total) {
    }
}
