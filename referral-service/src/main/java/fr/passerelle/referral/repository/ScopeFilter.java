package fr.passerelle.referral.repository;

import fr.passerelle.referral.domain.AccessScope;
import jakarta.persistence.Query;

/**
 * Turns an {@link AccessScope} into the JPQL predicate every pupil-data query carries. A DRAFT is the
 * origin's own work: targets and coordinating platforms see a referral once it is submitted.
 */
final class ScopeFilter {

    private static final String DRAFT = "fr.passerelle.referral.domain.ReferralStatus.DRAFT";

    private ScopeFilter() {
    }

    /** Predicate on a {@code Referral} alias. */
    static String referral(String r, AccessScope scope) {
        return switch (scope.kind()) {
            case SCHOOL -> r + ".originUai = :scopeUai";
            case PLATFORM -> "(" + r + ".originPlatform = :scopePlatform or (" + r + ".triagePlatformId = :scopePlatform and "
                    + r + ".status <> " + DRAFT + "))";
            case ORGANISATION -> "(" + r + ".targetOrganisationId = :scopeOrganisation and " + r + ".status <> " + DRAFT + ")";
            case EVERYTHING -> "1 = 1";
        };
    }

    /** Predicate on a {@code PupilCase} alias. */
    static String pupilCase(String c, AccessScope scope) {
        return switch (scope.kind()) {
            case SCHOOL -> c + ".originUai = :scopeUai";
            case PLATFORM -> "(" + c + ".originPlatform = :scopePlatform or exists (select 1 from Referral sr where sr.caseId = "
                    + c + ".id and sr.triagePlatformId = :scopePlatform and sr.status <> " + DRAFT + "))";
            case ORGANISATION -> "exists (select 1 from Referral sr where sr.caseId = " + c
                    + ".id and sr.targetOrganisationId = :scopeOrganisation and sr.status <> " + DRAFT + ")";
            case EVERYTHING -> "1 = 1";
        };
    }

    static void bind(Query query, AccessScope scope) {
        switch (scope.kind()) {
            case SCHOOL -> query.setParameter("scopeUai", scope.uai());
            case PLATFORM -> query.setParameter("scopePlatform", scope.platform());
            case ORGANISATION -> query.setParameter("scopeOrganisation", scope.organisation());
            case EVERYTHING -> {
            }
        }
    }
}
