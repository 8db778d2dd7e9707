package fr.passerelle.directory.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Open Referral HSDS 3.0 objects, exactly as its schemas name them (snake_case, UUID ids).
 * Only the fields the directory can fill are present; absent facts are omitted, not invented.
 */
public final class Hsds {

    private Hsds() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsPage", description = "HSDS 3.0 paginated response.")
    public record Page<T>(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage,
                          boolean lastPage, boolean empty, List<T> contents) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsRoot")
    public record Root(String version, String profile, String openapiUrl) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsService")
    public record Service(UUID id, String name, String description, String url, String email, String status,
                          String applicationProcess, String feesDescription, String eligibilityDescription,
                          Integer minimumAge, Integer maximumAge, String assuredDate, String lastModified,
                          Organization organization, List<Phone> phones, List<Schedule> schedules,
                          List<ServiceArea> serviceAreas, List<CostOption> costOptions, List<Attribute> attributes,
                          List<Contact> contacts) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsOrganization")
    public record Organization(UUID id, String name, String description, String email, String website,
                               List<Phone> phones, List<Location> locations, List<OrganizationIdentifier> organizationIdentifiers,
                               List<Service> services) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsOrganizationIdentifier")
    public record OrganizationIdentifier(UUID id, String identifierScheme, String identifierType, String identifier) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsLocation")
    public record Location(UUID id, String locationType, String name, List<Address> addresses) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsAddress")
    public record Address(UUID id, String address1, String city, String region, String stateProvince,
                          String postalCode, String country, String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsPhone")
    public record Phone(UUID id, String number, String type, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsContact")
    public record Contact(UUID id, String name, String email) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsSchedule")
    public record Schedule(UUID id, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsServiceArea")
    public record ServiceArea(UUID id, String name, String description, String extentType, String uri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsCostOption")
    public record CostOption(UUID id, String option, String currency, Double amount, String amountDescription) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsAttribute")
    public record Attribute(UUID id, String linkType, String linkEntity, String value, TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsTaxonomyTerm")
    public record TaxonomyTerm(UUID id, String code, String name, String description, UUID taxonomyId,
                               String language, Taxonomy taxonomyDetail) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsTaxonomy")
    public record Taxonomy(UUID id, String name, String description, String uri, String version) {
    }
}
