package fr.passerelle.directory.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The page each list answers, named and typed for the OpenAPI document: the resources answer a
 * {@link fr.passerelle.common.paging.PageResponse}, whose generic items would otherwise be documented as anything.
 */
public final class Pages {

    /** Highest zero-based page number a list accepts. */
    public static final int MAX_PAGE = 100_000;

    private Pages() {
    }

    @Schema(name = "OrganisationPage", description = "A page of organisations.")
    public record OrganisationPage(
            @Schema(required = true) List<OrganisationView> items,
            @Schema(required = true, description = "Zero-based page number.", examples = "0") int page,
            @Schema(required = true, description = "Requested page size (1 to 100).", examples = "20") int size,
            @Schema(required = true, description = "Number of items across all pages.", examples = "57") long totalItems) {
    }

    @Schema(name = "ProgrammePage", description = "A page of programmes.")
    public record ProgrammePage(
            @Schema(required = true) List<ProgrammeView> items,
            @Schema(required = true, description = "Zero-based page number.", examples = "0") int page,
            @Schema(required = true, description = "Requested page size (1 to 100).", examples = "20") int size,
            @Schema(required = true, description = "Number of items across all pages.", examples = "64") long totalItems) {
    }

    @Schema(name = "PlatformPage", description = "A page of PSAD platforms.")
    public record PlatformPage(
            @Schema(required = true) List<PlatformView> items,
            @Schema(required = true, description = "Zero-based page number.", examples = "0") int page,
            @Schema(required = true, description = "Requested page size (1 to 100).", examples = "20") int size,
            @Schema(required = true, description = "Number of items across all pages.", examples = "3") long totalItems) {
    }

    @Schema(name = "CommunePage", description = "A page of communes.")
    public record CommunePage(
            @Schema(required = true) List<CommuneView> items,
            @Schema(required = true, description = "Zero-based page number.", examples = "0") int page,
            @Schema(required = true, description = "Requested page size (1 to 100).", examples = "20") int size,
            @Schema(required = true, description = "Number of items across all pages.", examples = "1") long totalItems) {
    }

    @Schema(name = "DirectoryChangePage", description = "A page of the directory's change log, newest first.")
    public record DirectoryChangePage(
            @Schema(required = true) List<DirectoryChangeView> items,
            @Schema(required = true, description = "Zero-based page number.", examples = "0") int page,
            @Schema(required = true, description = "Requested page size (1 to 100).", examples = "20") int size,
            @Schema(required = true, description = "Number of items across all pages.", examples = "12") long totalItems) {
    }
}
