package fr.passerelle.directory.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Open Referral HSDS 3.0 objects, exactly as its schemas name them (snake_case, UUID ids).
 * Only the fields the directory can fill are present; absent facts are omitted, never sent as null (HSDS types
 * allow no null), so the OpenAPI schemas declare them optional rather than nullable. The fields HSDS requires are
 * marked required.
 */
public final class Hsds {

    private Hsds() {
    }

    /** The paging header HSDS puts on every list; {@code size} is the number of objects on this page. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page<T>(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage,
                          boolean lastPage, boolean empty, List<T> contents) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsRoot", description = "What the HSDS API serves: its HSDS version, profile and API description.")
    public record Root(@Schema(required = true, examples = "3.0") String version,
                       @Schema(required = true, format = "uri") String profile,
                       @Schema(required = true, format = "uri") String openapiUrl) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsService", description = "An HSDS service: one programme (dispositif). In lists, the nested arrays "
            + "are left out (HSDS lists carry one-to-one fields only); the service by id carries them all.")
    public record Service(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                          @Schema(required = true) String name,
                          String description,
                          @Schema(format = "uri") String url,
                          @Schema(format = "email") String email,
                          @Schema(required = true, enumeration = {"active", "inactive", "defunct", "temporarily closed"})
                          String status,
                          String applicationProcess, String feesDescription, String eligibilityDescription,
                          Integer minimumAge, Integer maximumAge,
                          @Schema(format = "date", description = "When the directory last checked the facts against their source.")
                          String assuredDate,
                          @Schema(format = "date-time", description = "When this service (or its organization) last changed.")
                          String lastModified,
                          @Schema(implementation = String.class, format = "uuid") UUID organizationId,
                          Organization organization, List<Phone> phones, List<Schedule> schedules,
                          List<ServiceArea> serviceAreas, List<ServiceAtLocation> serviceAtLocations,
                          List<CostOption> costOptions, List<Attribute> attributes, List<Contact> contacts) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsOrganization", description = "An HSDS organization: one partner organisation. Nested in a service or "
            + "listed, it carries its one-to-one fields only; by id, its phones, locations, identifiers and services too.")
    public record Organization(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                               @Schema(required = true) String name,
                               @Schema(required = true) String description,
                               @Schema(format = "email") String email,
                               @Schema(format = "uri") String website,
                               List<Phone> phones, List<Location> locations,
                               List<OrganizationIdentifier> organizationIdentifiers, List<Service> services) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsOrganizationIdentifier", description = "A third-party identifier of an organization (a school's UAI).")
    public record OrganizationIdentifier(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                                         String identifierScheme,
                                         @Schema(required = true) String identifierType,
                                         @Schema(required = true) String identifier) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsLocation", description = "Where an organization is: its commune, and its postal address when the "
            + "directory knows all of it.")
    public record Location(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                           @Schema(required = true, enumeration = {"physical", "postal", "virtual"}) String locationType,
                           @Schema(implementation = String.class, format = "uuid") UUID organizationId,
                           String name, String description, List<Address> addresses) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsAddress", description = "A complete postal address (HSDS requires every one of its fields but region).")
    public record Address(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                          @Schema(implementation = String.class, format = "uuid") UUID locationId,
                          @JsonProperty("address_1") @Schema(required = true) String address1,
                          @Schema(required = true) String city,
                          String region,
                          @Schema(required = true, description = "The département's name.") String stateProvince,
                          @Schema(required = true) String postalCode,
                          @Schema(required = true, description = "ISO 3166-1 alpha-2 country code.") String country,
                          @Schema(required = true, enumeration = {"physical", "postal", "virtual"}) String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsServiceAtLocation", description = "A service delivered at a location: a programme at its "
            + "organisation's place. Listed, it carries the service and location one-to-one fields; by id, the location's "
            + "addresses too.")
    public record ServiceAtLocation(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                                    @Schema(implementation = String.class, format = "uuid") UUID serviceId,
                                    @Schema(implementation = String.class, format = "uuid") UUID locationId,
                                    String description, Service service, Location location) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsPhone")
    public record Phone(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                        @Schema(required = true) String number,
                        String type, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsContact")
    public record Contact(@Schema(required = true, implementation = String.class, format = "uuid") UUID id, String name,
                          @Schema(format = "email") String email) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsSchedule", description = "When the service runs, as the source document words it.")
    public record Schedule(@Schema(required = true, implementation = String.class, format = "uuid") UUID id, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsServiceArea", description = "A commune, département or académie the service covers.")
    public record ServiceArea(@Schema(required = true, implementation = String.class, format = "uuid") UUID id, String name, String description,
                              String extentType, String uri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HsdsCostOption")
    public record CostOption(@Schema(required = true, implementation = String.class, format = "uuid") UUID id, String option, String currency,
                             Double amount, String amountDescription) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsAttribute", description = "Links a service to a taxonomy term (its programme category).")
    public record Attribute(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                            @Schema(implementation = String.class, format = "uuid") UUID linkId,
                            @Schema(implementation = String.class, format = "uuid") UUID taxonomyTermId,
                            String linkType, String linkEntity, String value, TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsTaxonomyTerm", description = "A programme category as an HSDS taxonomy term.")
    public record TaxonomyTerm(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                               String code,
                               @Schema(required = true) String name,
                               @Schema(required = true) String description,
                               @Schema(implementation = String.class, format = "uuid") UUID taxonomyId,
                               String language, Taxonomy taxonomyDetail) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsTaxonomy", description = "The programme-category taxonomy.")
    public record Taxonomy(@Schema(required = true, implementation = String.class, format = "uuid") UUID id,
                           @Schema(required = true) String name,
                           @Schema(required = true) String description,
                           @Schema(format = "uri") String uri,
                           String version) {
    }

    // ---- Page schemas for the OpenAPI document: one named schema per list (the generic Page would be named
    // HsdsPage1, HsdsPage2…). Their fields are those of Page; the contract check compares live pages with them.

    /** The HSDS paging header, shared by the page schemas below. */
    abstract static class PageDoc {
        @Schema(required = true, description = "Objects matching the request, over all pages.", minimum = "0")
        public long total_items;
        @Schema(required = true, description = "Pages at this per_page.", minimum = "0")
        public int total_pages;
        @Schema(required = true, description = "This page's number, from 1.", minimum = "1")
        public int page_number;
        @Schema(required = true, description = "Objects on this page.", minimum = "0")
        public int size;
        @Schema(required = true, description = "Whether this is page 1.")
        public boolean first_page;
        @Schema(required = true, description = "Whether no page follows this one.")
        public boolean last_page;
        @Schema(required = true, description = "Whether this page holds no object.")
        public boolean empty;
    }

    @Schema(name = "HsdsServicePage", description = "An HSDS page of services.")
    public static final class ServicePage extends PageDoc {
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Service.class)
        public List<Service> contents;
    }

    @Schema(name = "HsdsOrganizationPage", description = "An HSDS page of organizations.")
    public static final class OrganizationPage extends PageDoc {
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Organization.class)
        public List<Organization> contents;
    }

    @Schema(name = "HsdsTaxonomyPage", description = "An HSDS page of taxonomies.")
    public static final class TaxonomyPage extends PageDoc {
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Taxonomy.class)
        public List<Taxonomy> contents;
    }

    @Schema(name = "HsdsTaxonomyTermPage", description = "An HSDS page of taxonomy terms.")
    public static final class TaxonomyTermPage extends PageDoc {
        @Schema(required = true, type = SchemaType.ARRAY, implementation = TaxonomyTerm.class)
        public List<TaxonomyTerm> contents;
    }

    @Schema(name = "HsdsServiceAtLocationPage", description = "An HSDS page of services at locations.")
    public static final class ServiceAtLocationPage extends PageDoc {
        @Schema(required = true, type = SchemaType.ARRAY, implementation = ServiceAtLocation.class)
        public List<ServiceAtLocation> contents;
    }
}
