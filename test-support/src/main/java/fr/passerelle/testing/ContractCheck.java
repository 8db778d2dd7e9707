package fr.passerelle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every answer of the application under test against the application's own OpenAPI document (served at
 * {@code /q/openapi}): the operation exists, the status is documented for it, the content type is one it declares,
 * and the body is valid against the declared schema (JSON Schema 2020-12 in the OpenAPI 3.1 dialect). A mismatch
 * fails the test at once, so the document and the answers cannot drift apart. Only {@code /api/} paths are checked;
 * requests are not (tests send bad requests on purpose), their answers are.
 *
 * <p>Add it to a request with {@code given().filter(ContractCheck.INSTANCE)}.
 */
public final class ContractCheck implements OrderedFilter {

    public static final ContractCheck INSTANCE = new ContractCheck();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_IRI = "https://contract.passerelle.test/openapi.json";
    private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();
    private static final String PROBLEM = "application/problem+json";

    private ContractCheck() {
    }

    @Override
    public int getOrder() {
        // Closest to the wire: sees the answer as the server sent it.
        return Integer.MAX_VALUE - 1;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/api/") || "HEAD".equalsIgnoreCase(request.getMethod())) {
            return response;
        }
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        Contract contract = CONTRACTS.computeIfAbsent(origin, Contract::load);
        List<String> problems = contract.check(request.getMethod(), path, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + path + " (HTTP " + response.statusCode()
                    + ") does not match the OpenAPI document:\n - " + String.join("\n - ", problems)
                    + "\nbody: " + abbreviate(response.asString()));
        }
        return response;
    }

    /**
     * What is wrong with an event body as a subscriber receives it ({"type","timestamp","data"}), measured against
     * the webhook of its type in the document of the application at {@code origin} ({@code http://host:port}): the
     * type must be documented, the body valid against its schema, and every member of {@code data} declared (the
     * schema itself stays open, as members may be added, but the service must not send what the document does not say).
     */
    public static List<String> webhookProblems(String origin, String body) {
        return CONTRACTS.computeIfAbsent(origin, Contract::load).webhookProblems(body);
    }

    /** Forgets the documents read so far (a test that restarts the application on another port needs nothing). */
    public static void reset() {
        CONTRACTS.clear();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    /** One application's document, its path templates, and a schema factory that resolves references inside it. */
    static final class Contract {

        private final JsonNode document;
        private final List<Template> templates = new ArrayList<>();
        private final JsonSchemaFactory factory;
        private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

        Contract(JsonNode document) {
            this.document = document;
            document.path("paths").fieldNames().forEachRemaining(p -> templates.add(Template.of(p)));
            // Literal segments win over parameters (/programmes/match before /programmes/{id}).
            templates.sort((a, b) -> Integer.compare(a.parameters, b.parameters));
            String text = document.toString();
            factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                    .metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                    .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, text))));
        }

        static Contract load(String origin) {
            try {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("GET " + origin + "/q/openapi answered " + answer.statusCode());
                }
                try (InputStream body = answer.body()) {
                    return new Contract(JSON.readTree(body));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the OpenAPI document of " + origin, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> check(String method, String path, Response response) {
            List<String> problems = new ArrayList<>();
            Template template = templates.stream().filter(t -> t.matches(path)).findFirst().orElse(null);
            if (template == null) {
                // A path the API does not have: only a problem+json 404 is right.
                if (response.statusCode() != 404 || !PROBLEM.equals(mediaType(response.contentType()))) {
                    problems.add("no path of the document matches " + path + ", yet the answer is not a problem+json 404");
                }
                return problems;
            }
            String verb = method.toLowerCase(Locale.ROOT);
            JsonNode operation = document.path("paths").path(template.path).path(verb);
            if (operation.isMissingNode()) {
                // A method the path does not have: only a problem+json 405 is right.
                if (response.statusCode() != 405 || !PROBLEM.equals(mediaType(response.contentType()))) {
                    problems.add(method + " is not documented on " + template.path + ", yet the answer is not a problem+json 405");
                }
                return problems;
            }
            String status = Integer.toString(response.statusCode());
            String pointer = "/paths/" + escape(template.path) + "/" + verb + "/responses/";
            JsonNode documented = operation.path("responses").path(status);
            String key = status;
            if (documented.isMissingNode()) {
                key = status.charAt(0) + "XX";
                documented = operation.path("responses").path(key);
            }
            if (documented.isMissingNode()) {
                key = "default";
                documented = operation.path("responses").path(key);
            }
            if (documented.isMissingNode()) {
                problems.add("status " + status + " is not documented for " + method + " " + template.path);
                return problems;
            }
            pointer += escape(key);
            while (documented.has("$ref")) {
                String ref = documented.get("$ref").asText();
                if (!ref.startsWith("#/")) {
                    problems.add("unsupported reference " + ref);
                    return problems;
                }
                pointer = ref.substring(1);
                documented = at(pointer);
                if (documented.isMissingNode()) {
                    problems.add("dangling reference " + ref);
                    return problems;
                }
            }
            checkBody(documented, pointer, response, problems);
            return problems;
        }

        List<String> webhookProblems(String body) {
            List<String> problems = new ArrayList<>();
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                return List.of("the event body is not JSON: " + abbreviate(body));
            }
            String type = json.path("type").asText("");
            String pointer = "/webhooks/" + escape(type) + "/post/requestBody/content/application~1json/schema";
            JsonNode schemaNode = at(pointer);
            if (schemaNode.isMissingNode()) {
                return List.of("no webhook of the document describes the event type '" + type + "'");
            }
            for (ValidationMessage m : schemas.computeIfAbsent(pointer, this::schemaAt).validate(json)) {
                problems.add(type + ": " + m.getMessage());
            }
            Set<String> declared = new TreeSet<>();
            dataMembers(schemaNode, declared);
            json.path("data").fieldNames().forEachRemaining(member -> {
                if (!declared.contains(member)) {
                    problems.add(type + ": data." + member + " is sent but not declared in the document");
                }
            });
            return problems;
        }

        /** The property names the schema (through its references and allOf) declares for the member {@code data}. */
        private void dataMembers(JsonNode schema, Set<String> into) {
            JsonNode node = resolve(schema);
            for (JsonNode part : node.path("allOf")) {
                dataMembers(part, into);
            }
            JsonNode data = node.path("properties").path("data");
            if (!data.isMissingNode()) {
                resolve(data).path("properties").fieldNames().forEachRemaining(into::add);
            }
        }

        private JsonNode resolve(JsonNode schema) {
            JsonNode node = schema;
            while (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
                node = at(node.get("$ref").asText().substring(1));
            }
            return node;
        }

        private void checkBody(JsonNode documented, String pointer, Response response, List<String> problems) {
            String body = response.asString();
            boolean empty = body == null || body.isEmpty();
            JsonNode content = documented.path("content");
            if (content.isMissingNode() || content.isEmpty()) {
                if (!empty) {
                    problems.add("the document declares no body for this status, the answer has one ("
                            + response.contentType() + ")");
                }
                return;
            }
            if (empty) {
                problems.add("the document declares a body (" + names(content) + "), the answer has none");
                return;
            }
            String mediaType = mediaType(response.contentType());
            String declared = null;
            for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
                String candidate = it.next();
                if (candidate.equalsIgnoreCase(mediaType) || candidate.equals("*/*")
                        || (candidate.endsWith("/*") && mediaType.startsWith(candidate.substring(0, candidate.length() - 1)))) {
                    declared = candidate;
                    break;
                }
            }
            if (declared == null) {
                problems.add("content type " + mediaType + " is not among those documented: " + names(content));
                return;
            }
            JsonNode schemaNode = content.path(declared).path("schema");
            if (schemaNode.isMissingNode() || !(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
                return;
            }
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                problems.add("the body is not JSON although typed " + mediaType);
                return;
            }
            String schemaPointer = pointer + "/content/" + escape(declared) + "/schema";
            JsonSchema schema = schemas.computeIfAbsent(schemaPointer, this::schemaAt);
            Set<ValidationMessage> messages = schema.validate(json);
            for (ValidationMessage m : messages) {
                problems.add(m.getMessage());
            }
        }

        private JsonSchema schemaAt(String pointer) {
            return factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(pointer)));
        }

        private JsonNode at(String pointer) {
            return document.at(pointer);
        }

        private static String names(JsonNode content) {
            List<String> names = new ArrayList<>();
            content.fieldNames().forEachRemaining(names::add);
            return String.join(", ", names);
        }

        private static String mediaType(String contentType) {
            if (contentType == null) {
                return "";
            }
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        }

        /** RFC 6901 escaping of one reference token. */
        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }

        /** A JSON pointer as a URI fragment (RFC 6901 section 6): characters outside the fragment set are encoded. */
        private static String fragment(String pointer) {
            StringBuilder out = new StringBuilder();
            for (String part : pointer.split("/", -1)) {
                if (out.length() > 0 || !part.isEmpty()) {
                    out.append('/');
                }
                out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~"));
            }
            return out.toString();
        }
    }

    /** A path template of the document as a pattern over raw request paths. */
    record Template(String path, Pattern pattern, int parameters) {

        static Template of(String path) {
            StringBuilder regex = new StringBuilder("^");
            int parameters = 0;
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty()) {
                    continue;
                }
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                    parameters++;
                } else {
                    regex.append(Pattern.quote(segment));
                }
            }
            regex.append("/?$");
            return new Template(path, Pattern.compile(regex.toString()), parameters);
        }

        boolean matches(String rawPath) {
            return pattern.matcher(rawPath).matches();
        }
    }
}
