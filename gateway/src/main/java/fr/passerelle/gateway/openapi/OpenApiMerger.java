package fr.passerelle.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Merges the services' OpenAPI documents into the one public document: their paths (only those the
 * gateway routes to that service), their webhooks (the events they send to subscribers), their components (a
 * same-named component with different content is renamed {@code Name_service} and its references rewritten), their tags; the gateway's server URL and
 * its own security schemes (the realm's OAuth2 flows: authorization code with PKCE for people, client credentials
 * for other systems; or a pasted bearer token) replace the services' ones; and
 * the answers the gateway itself can give (401, 413, 429, 502, 503, 504) are added to every operation.
 */
public final class OpenApiMerger {

    static final String SCHEME_OAUTH = "keycloak";
    static final String SCHEME_BEARER = "bearer";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String PROBLEM_MEDIA = "application/problem+json";

    /** A service's document and which of its paths the gateway exposes. */
    public record Source(String name, JsonObject document, Predicate<String> exposes) {
    }

    public record Settings(String title, String version, String description, String serverUrl, String realmUrl,
                           String contactName, String contactEmail, String contactUrl) {
    }

    /** The licence of the API and its documentation: the European Union Public Licence (see LICENSE at the repository root). */
    static final String LICENSE_NAME = "EUPL-1.2";
    static final String LICENSE_URL = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12";

    /** OAuth scopes another system (client credentials) asks for; people are authorised by their realm roles. */
    static final Map<String, String> SCOPES = scopes();

    private static Map<String, String> scopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("directory:read", "Read the directory (organisations, programmes, platforms, territories, HSDS).");
        scopes.put("referrals:read", "Read the referrals, cases and statistics of the client's own attachment.");
        scopes.put("referrals:write", "File and act on referrals and cases of the client's own attachment.");
        scopes.put("webhooks:manage", "Manage the webhook subscriptions of the client's own attachment.");
        return scopes;
    }

    private OpenApiMerger() {
    }

    public static JsonObject merge(List<Source> sources, List<String> unavailable, Settings settings) {
        JsonObject merged = new JsonObject();
        String version = sources.stream().map(s -> s.document().getString("openapi")).filter(v -> v != null)
                .findFirst().orElse("3.1.0");
        merged.put("openapi", version);
        JsonObject info = new JsonObject().put("title", settings.title()).put("version", settings.version());
        JsonObject contact = new JsonObject().put("name", settings.contactName());
        if (settings.contactEmail() != null && !settings.contactEmail().isBlank()) {
            contact.put("email", settings.contactEmail());
        }
        if (settings.contactUrl() != null && !settings.contactUrl().isBlank()) {
            contact.put("url", settings.contactUrl());
        }
        info.put("contact", contact);
        info.put("license", new JsonObject().put("name", LICENSE_NAME).put("url", LICENSE_URL));
        StringBuilder description = new StringBuilder(settings.description());
        if (!unavailable.isEmpty()) {
            description.append("\n\nNot listed right now (service unreachable): ").append(String.join(", ", unavailable)).append('.');
        }
        info.put("description", description.toString());
        merged.put("info", info);
        merged.put("servers", new JsonArray().add(new JsonObject().put("url", settings.serverUrl())
                .put("description", "Passerelle gateway")));
        merged.put("security", new JsonArray()
                .add(new JsonObject().put(SCHEME_OAUTH, new JsonArray()))
                .add(new JsonObject().put(SCHEME_BEARER, new JsonArray())));
        JsonArray tags = new JsonArray();
        JsonObject paths = new JsonObject();
        JsonObject webhooks = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, Boolean> tagNames = new HashMap<>();

        for (Source source : sources) {
            JsonObject doc = source.document().copy();
            JsonObject docComponents = doc.getJsonObject("components", new JsonObject());
            docComponents.remove("securitySchemes");
            Map<String, String> renames = renames(source.name(), docComponents, components);
            if (!renames.isEmpty()) {
                rewriteRefs(doc, renames);
                for (Map.Entry<String, String> rename : renames.entrySet()) {
                    String[] from = rename.getKey().split("/");
                    String[] to = rename.getValue().split("/");
                    JsonObject section = docComponents.getJsonObject(from[2]);
                    section.put(to[3], section.remove(from[3]));
                }
            }
            for (String type : docComponents.fieldNames()) {
                if (!(docComponents.getValue(type) instanceof JsonObject entries)) {
                    continue;
                }
                JsonObject target = components.getJsonObject(type);
                if (target == null) {
                    target = new JsonObject();
                    components.put(type, target);
                }
                for (String name : entries.fieldNames()) {
                    if (!target.containsKey(name)) {
                        target.put(name, entries.getValue(name));
                    }
                }
            }
            JsonObject docPaths = doc.getJsonObject("paths", new JsonObject());
            for (String path : docPaths.fieldNames()) {
                if (!source.exposes().test(path) || paths.containsKey(path)) {
                    continue;
                }
                Object item = docPaths.getValue(path);
                if (item instanceof JsonObject pathItem) {
                    paths.put(path, decorate(pathItem));
                }
            }
            // The events a service sends to subscribers (OpenAPI 3.1 webhooks): not routed, so kept as they are.
            JsonObject docWebhooks = doc.getJsonObject("webhooks", new JsonObject());
            for (String event : docWebhooks.fieldNames()) {
                if (!webhooks.containsKey(event)) {
                    webhooks.put(event, docWebhooks.getValue(event));
                }
            }
            JsonArray docTags = doc.getJsonArray("tags", new JsonArray());
            for (Object tag : docTags) {
                if (tag instanceof JsonObject t && t.getString("name") != null && tagNames.putIfAbsent(t.getString("name"), true) == null) {
                    tags.add(t);
                }
            }
        }
        if (!tags.isEmpty()) {
            merged.put("tags", tags);
        }
        merged.put("paths", sortedByKey(paths));
        if (!webhooks.isEmpty()) {
            merged.put("webhooks", sortedByKey(webhooks));
        }
        addGatewayComponents(components, settings);
        dropUnusedGatewayResponses(paths, components);
        merged.put("components", components);
        return merged;
    }

    /** Same-named components with different content: the later service's one becomes {@code Name_service}. */
    private static Map<String, String> renames(String service, JsonObject incoming, JsonObject existing) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String type : incoming.fieldNames()) {
            if (!(incoming.getValue(type) instanceof JsonObject entries) || !(existing.getValue(type) instanceof JsonObject present)) {
                continue;
            }
            for (String name : entries.fieldNames()) {
                if (present.containsKey(name) && !present.getValue(name).equals(entries.getValue(name))) {
                    String candidate = name + "_" + service;
                    int n = 2;
                    while (present.containsKey(candidate) || entries.containsKey(candidate)) {
                        candidate = name + "_" + service + n++;
                    }
                    renames.put("#/components/" + type + "/" + name, "#/components/" + type + "/" + candidate);
                }
            }
        }
        return renames;
    }

    private static void rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            for (String key : new ArrayList<>(object.fieldNames())) {
                Object value = object.getValue(key);
                if ("$ref".equals(key) && value instanceof String ref && renames.containsKey(ref)) {
                    object.put(key, renames.get(ref));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node instanceof JsonArray array) {
            for (Object value : array) {
                rewriteRefs(value, renames);
            }
        }
    }

    /**
     * Drops the service's own security requirements (they name the service's scheme; the document's global ones apply)
     * and adds the gateway's answers. Who may call an operation stays in its x-roles / x-scopes and its description:
     * OAuth scopes in a requirement would claim that people need them too, when people are authorised by role.
     */
    private static JsonObject decorate(JsonObject pathItem) {
        for (String method : METHODS) {
            if (!(pathItem.getValue(method) instanceof JsonObject operation)) {
                continue;
            }
            operation.remove("security");
            JsonObject responses = operation.getJsonObject("responses");
            if (responses == null) {
                responses = new JsonObject();
                operation.put("responses", responses);
            }
            putIfAbsent(responses, "401", "GatewayUnauthorized");
            if (operation.containsKey("requestBody")) {
                putIfAbsent(responses, "413", "GatewayPayloadTooLarge");
            }
            putIfAbsent(responses, "429", "GatewayTooManyRequests");
            putIfAbsent(responses, "502", "GatewayBadGateway");
            putIfAbsent(responses, "503", "GatewayServiceUnavailable");
            putIfAbsent(responses, "504", "GatewayTimeout");
        }
        return pathItem;
    }

    private static void putIfAbsent(JsonObject responses, String status, String component) {
        if (!responses.containsKey(status)) {
            responses.put(status, new JsonObject().put("$ref", "#/components/responses/" + component));
        }
    }

    private static void addGatewayComponents(JsonObject components, Settings settings) {
        JsonObject schemas = components.getJsonObject("schemas");
        if (schemas == null) {
            schemas = new JsonObject();
            components.put("schemas", schemas);
        }
        if (!schemas.containsKey("Problem")) {
            schemas.put("Problem", new JsonObject().put("type", "object")
                    .put("description", "RFC 9457 problem details (media type application/problem+json).")
                    .put("properties", new JsonObject()
                            .put("type", new JsonObject().put("type", "string"))
                            .put("title", new JsonObject().put("type", "string"))
                            .put("status", new JsonObject().put("type", "integer"))
                            .put("detail", new JsonObject().put("type", "string"))
                            .put("instance", new JsonObject().put("type", "string"))
                            .put("requestId", new JsonObject().put("type", "string"))));
        }
        JsonObject responses = components.getJsonObject("responses");
        if (responses == null) {
            responses = new JsonObject();
            components.put("responses", responses);
        }
        responses.put("GatewayUnauthorized", problemResponse("No valid bearer token (missing, expired, wrong audience or signature). "
                + "The answer carries WWW-Authenticate: Bearer.", "unauthorized", "Unauthorized", 401, "A valid bearer token is required.", false));
        responses.put("GatewayPayloadTooLarge", problemResponse("The request body exceeds the gateway's limit.",
                "payload-too-large", "Payload too large", 413, "The request body is too large.", false));
        responses.put("GatewayTooManyRequests", problemResponse("Rate limit reached (per client address, or per token subject); "
                + "retry after Retry-After seconds.", "rate-limited", "Too many requests", 429,
                "Too many requests; retry after the delay in Retry-After.", true));
        responses.put("GatewayBadGateway", problemResponse("The service behind this operation could not be reached.",
                "bad-gateway", "Bad gateway", 502, "The service handling this request could not be reached. Quote the request id when reporting it.", false));
        responses.put("GatewayServiceUnavailable", problemResponse("The service behind this operation is unavailable; retry after Retry-After seconds.",
                "service-unavailable", "Service unavailable", 503, "The service handling this request is unavailable; retry later.", true));
        responses.put("GatewayTimeout", problemResponse("The service behind this operation did not answer in time.",
                "gateway-timeout", "Gateway timeout", 504, "The service handling this request did not answer in time. Quote the request id when reporting it.", false));

        JsonObject schemes = new JsonObject();
        String realm = settings.realmUrl().endsWith("/") ? settings.realmUrl().substring(0, settings.realmUrl().length() - 1) : settings.realmUrl();
        JsonObject clientScopes = new JsonObject();
        SCOPES.forEach(clientScopes::put);
        schemes.put(SCHEME_OAUTH, new JsonObject()
                .put("type", "oauth2")
                .put("description", "The Passerelle realm (Keycloak). People sign in with the authorization code flow and PKCE "
                        + "(Swagger UI uses the public client passerelle-swagger) and are authorised by their realm roles; other "
                        + "systems use the client credentials flow and are authorised by the scopes granted to their client "
                        + "(each operation lists its roles in x-roles and its scopes in x-scopes).")
                .put("flows", new JsonObject()
                        .put("authorizationCode", new JsonObject()
                                .put("authorizationUrl", realm + "/protocol/openid-connect/auth")
                                .put("tokenUrl", realm + "/protocol/openid-connect/token")
                                .put("refreshUrl", realm + "/protocol/openid-connect/token")
                                .put("scopes", new JsonObject().put("openid", "OpenID Connect sign-in")))
                        .put("clientCredentials", new JsonObject()
                                .put("tokenUrl", realm + "/protocol/openid-connect/token")
                                .put("scopes", clientScopes))));
        schemes.put(SCHEME_BEARER, new JsonObject()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "An access token issued by the Passerelle realm (audience passerelle-api), pasted as is."));
        components.put("securitySchemes", schemes);
    }

    /** The gateway's answers an operation does not already document in its service's words are the only ones listed. */
    private static void dropUnusedGatewayResponses(JsonObject paths, JsonObject components) {
        String encoded = paths.encode();
        JsonObject responses = components.getJsonObject("responses");
        for (String name : new ArrayList<>(responses.fieldNames())) {
            if (name.startsWith("Gateway") && !encoded.contains("\"#/components/responses/" + name + "\"")) {
                responses.remove(name);
            }
        }
    }

    private static JsonObject problemResponse(String description, String slug, String title, int status, String detail,
                                              boolean retryAfter) {
        JsonObject example = new JsonObject()
                .put("type", "https://passerelle.example.org/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", "/api/v1/referrals")
                .put("requestId", "5f0c2a8e-0d8b-4a8c-9a43-2f1d3a0c9b11");
        JsonObject response = new JsonObject().put("description", description)
                .put("content", new JsonObject().put(PROBLEM_MEDIA, new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))
                        .put("example", example)));
        JsonObject headers = new JsonObject().put("X-Request-Id", new JsonObject()
                .put("description", "The request id, also in the body and the logs.")
                .put("schema", new JsonObject().put("type", "string")));
        if (retryAfter) {
            headers.put("Retry-After", new JsonObject().put("description", "Seconds to wait before retrying.")
                    .put("schema", new JsonObject().put("type", "integer")));
        }
        if (status == 401) {
            headers.put("WWW-Authenticate", new JsonObject().put("description", "Bearer challenge (RFC 6750).")
                    .put("schema", new JsonObject().put("type", "string")));
        }
        return response.put("headers", headers);
    }

    private static JsonObject sortedByKey(JsonObject object) {
        JsonObject sorted = new JsonObject();
        object.fieldNames().stream().sorted().forEach(k -> sorted.put(k, object.getValue(k)));
        return sorted;
    }
}
