package fr.passerelle.referral.support;

import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import java.util.List;
import java.util.UUID;

/**
 * directory-service's answers as this service relies on them, written once: {@link World} serves their example values
 * to the tests, and {@code DirectoryContractTest} records them (with their matching rules) as the contract that
 * directory-service's provider test replays against the real directory. A stub that the directory could not give
 * therefore fails the build. Only the fields this service reads are pinned; the others are left free.
 */
public final class DirectoryAnswers {

    public static final String ADMISSION_MODES = "DIRECT|INTERVIEW|DEPARTMENTAL_COMMISSION|CTO";
    public static final String STATUSES = "ACTIVE|SUSPENDED|CLOSED";

    private DirectoryAnswers() {
    }

    /**
     * A programme. With {@code idFromState}, the id is the one the provider's state created (expression
     * {@code ${programmeId}}), the example being {@code id}.
     */
    public static PactDslJsonBody programme(UUID id, UUID organisation, String name, List<UUID> platforms, String admission,
                                            boolean open, boolean idFromState) {
        PactDslJsonBody body = new PactDslJsonBody();
        if (idFromState) {
            body.valueFromProviderState("id", "${programmeId}", id.toString());
        } else {
            body.uuid("id", id);
        }
        body.uuid("organisationId", organisation)
                .stringType("organisationName", "Org")
                .stringType("name", name)
                .stringMatcher("admissionMode", ADMISSION_MODES, admission)
                .stringMatcher("status", STATUSES, open ? "ACTIVE" : "CLOSED")
                .booleanType("archived", false)
                .booleanValue("open", open);
        if (open) {
            body.nullValue("placesAvailable");
        } else {
            body.integerType("placesAvailable", 0);
        }
        if (platforms.size() > 1) {
            throw new IllegalArgumentException("one platform at most: a contract example repeats one value");
        }
        if (platforms.isEmpty()) {
            body.array("platformIds").closeArray();
        } else {
            body.minArrayLike("platformIds", 1, PactDslJsonRootValue.uuid(platforms.get(0)), 1);
        }
        return body;
    }

    /** The answer to "does the young person fit this programme?": fits when no mismatch code is given. */
    public static PactDslJsonBody eligibility(UUID programme, List<String> mismatches, boolean idFromState) {
        PactDslJsonBody body = new PactDslJsonBody();
        if (idFromState) {
            body.valueFromProviderState("programmeId", "${programmeId}", programme.toString());
        } else {
            body.uuid("programmeId", programme);
        }
        body.booleanValue("fits", mismatches.isEmpty());
        // The codes are pinned exactly, in the directory's order: they are stored on overridden referrals.
        PactDslJsonArray list = body.array("mismatches");
        for (String code : mismatches) {
            list = (PactDslJsonArray) list.object().stringValue("code", code).stringType("label", code.toLowerCase()).closeObject();
        }
        return (PactDslJsonBody) list.closeArray();
    }

    /** A commune of the directory's territories. */
    public static PactDslJsonBody commune(String code, String name, String departement, String academie) {
        return new PactDslJsonBody().stringValue("code", code).stringType("name", name)
                .stringValue("departementCode", departement).stringType("academieCode", academie);
    }

    /**
     * A PSAD platform: its territory (communes or départements) and its members. For the contract ({@code shape}), the
     * members are any non-empty list and the territory any lists of codes; the tests' stubs list them exactly.
     */
    public static PactDslJsonBody platform(UUID id, String name, List<String> communes, List<String> departements,
                                           List<UUID> members, boolean shape) {
        if (shape) {
            PactDslJsonBody body = new PactDslJsonBody().uuid("id", id).stringType("name", name).booleanType("archived", false);
            PactDslJsonBody territory = body.object("territory");
            territory.minArrayLike("communes", 0, PactDslJsonRootValue.stringType(communes.isEmpty() ? "69123" : communes.get(0)), 1);
            territory.minArrayLike("departements", 0, PactDslJsonRootValue.stringType(departements.isEmpty() ? "69" : departements.get(0)), 1);
            body = (PactDslJsonBody) territory.closeObject();
            return (PactDslJsonBody) body.minArrayLike("members", 1, 1).uuid("id", members.get(0)).stringType("name", "member")
                    .closeArray();
        }
        PactDslJsonBody body = new PactDslJsonBody().uuid("id", id).stringType("name", name).booleanType("archived", false);
        PactDslJsonBody territory = body.object("territory");
        strings(territory, "communes", communes);
        strings(territory, "departements", departements);
        territory.array("academies").closeArray();
        body = (PactDslJsonBody) territory.closeObject();
        body = (PactDslJsonBody) body.minArrayLike("coAnimators", 1, 1).uuid("id", UUID.fromString("0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"))
                .stringType("name", "CIO").stringType("kind", "CIO").closeArray();
        PactDslJsonArray list = body.array("members");
        for (UUID m : members) {
            list = (PactDslJsonArray) list.object().uuid("id", m).stringType("name", "member").stringType("kind", "ASSOCIATION")
                    .closeObject();
        }
        return (PactDslJsonBody) list.closeArray();
    }

    /** An organisation with its functional contacts: a switchboard and one mailbox. */
    public static PactDslJsonBody organisation(UUID id, String name, String mailbox) {
        PactDslJsonBody body = new PactDslJsonBody().uuid("id", id).stringType("name", name)
                .stringMatcher("status", STATUSES, "ACTIVE").booleanType("archived", false);
        return (PactDslJsonBody) body.array("contacts")
                .object().stringValue("kind", "PHONE").stringType("value", "04 00 00 00 00").closeObject()
                .object().stringValue("kind", "EMAIL").stringType("value", mailbox).stringType("label", "Accueil").closeObject()
                .closeArray();
    }

    private static void strings(PactDslJsonBody parent, String name, List<String> values) {
        PactDslJsonArray list = parent.array(name);
        for (String v : values) {
            list.stringValue(v);
        }
        list.closeArray();
    }
}
