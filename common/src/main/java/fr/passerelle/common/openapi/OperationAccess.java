package fr.passerelle.common.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents, on every operation, who may call it: the realm roles of a person and the OAuth scopes another
 * system (client credentials) needs, as a sentence of the description and as {@code x-roles} / {@code x-scopes}.
 * Where they come from, first found wins:
 * <ol>
 * <li>{@code x-roles} / {@code x-scopes} the operation declares itself ({@code @Extension});</li>
 * <li>the service's rules in configuration, the longest matching path prefix winning:
 *     <pre>passerelle.openapi.access[0].match=GET /api/v1/referrals
 * passerelle.openapi.access[0].roles=referent,coordinator,partner
 * passerelle.openapi.access[0].scopes=referrals:read</pre>
 *     ({@code *} matches every method; an empty scopes list means people only);</li>
 * <li>the roles of {@code @RolesAllowed}, which Quarkus writes into the operation's security requirement.</li>
 * </ol>
 * Roles from {@code @RolesAllowed} always narrow what a rule says: a rule never documents more than the code allows.
 */
final class OperationAccess {

    static final String X_ROLES = "x-roles";
    static final String X_SCOPES = "x-scopes";
    private static final String PREFIX = "passerelle.openapi.access[";

    record Rule(Set<String> methods, String pathPrefix, List<String> roles, List<String> scopes) {
        boolean matches(String path, PathItem.HttpMethod method) {
            boolean pathMatches = path.equals(pathPrefix) || path.startsWith(pathPrefix.endsWith("/") ? pathPrefix : pathPrefix + "/");
            return pathMatches && (methods.contains("*") || methods.contains(method.name()));
        }
    }

    private final List<Rule> rules;

    OperationAccess(List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt((Rule r) -> r.pathPrefix().length()).reversed()
                .thenComparing(r -> r.methods().contains("*"))).toList();
    }

    static OperationAccess fromConfig() {
        Config config = ConfigProvider.getConfig();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<String> match = config.getOptionalValue(PREFIX + i + "].match", String.class);
            if (match.isEmpty()) {
                break;
            }
            String[] parts = match.get().trim().split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(PREFIX + i + "].match must read \"METHOD[,METHOD] /path/prefix\"");
            }
            Set<String> methods = new LinkedHashSet<>(List.of(parts[0].toUpperCase(Locale.ROOT).split(",")));
            rules.add(new Rule(methods, parts[1], list(config, PREFIX + i + "].roles"), list(config, PREFIX + i + "].scopes")));
        }
        return new OperationAccess(rules);
    }

    private static List<String> list(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(v -> List.of(v.trim().split("\\s*,\\s*")))
                .map(l -> l.stream().filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    void document(String path, PathItem.HttpMethod method, Operation operation) {
        Optional<Rule> rule = rules.stream().filter(r -> r.matches(path, method)).findFirst();
        List<String> annotated = rolesAllowed(operation);
        List<String> roles = declared(operation, X_ROLES)
                .orElseGet(() -> rule.map(Rule::roles).filter(r -> !r.isEmpty()).map(r -> narrow(r, annotated)).orElse(annotated));
        List<String> scopes = declared(operation, X_SCOPES).orElseGet(() -> rule.map(Rule::scopes).orElse(List.of()));
        if (roles.isEmpty() && scopes.isEmpty() && rule.isEmpty()) {
            return;
        }
        operation.addExtension(X_ROLES, roles);
        operation.addExtension(X_SCOPES, scopes);
        String sentence = sentence(roles, scopes);
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(sentence);
        } else if (!description.contains(sentence)) {
            operation.setDescription(description.strip() + "\n\n" + sentence);
        }
    }

    static String sentence(List<String> roles, List<String> scopes) {
        String people = roles.isEmpty() ? "no person" : "people with the role " + orList(roles);
        String systems = scopes.isEmpty() ? "not open to other systems (client credentials)"
                : "other systems (client credentials) with the scope " + String.join(" and ", scopes);
        return "**Access:** " + people + "; " + systems + ".";
    }

    private static String orList(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    private static List<String> narrow(List<String> ruleRoles, List<String> annotated) {
        return annotated.isEmpty() ? ruleRoles : ruleRoles.stream().filter(annotated::contains).toList();
    }

    /** The roles Quarkus copied from {@code @RolesAllowed} into the operation's security requirement. */
    private static List<String> rolesAllowed(Operation operation) {
        Set<String> roles = new LinkedHashSet<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    for (List<String> values : requirement.getSchemes().values()) {
                        if (values != null) {
                            roles.addAll(values);
                        }
                    }
                }
            }
        }
        return List.copyOf(roles);
    }

    private static Optional<List<String>> declared(Operation operation, String name) {
        Map<String, Object> extensions = operation.getExtensions();
        Object value = extensions == null ? null : extensions.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Collection<?> values) {
            return Optional.of(values.stream().map(Object::toString).toList());
        }
        return Optional.of(List.of(value.toString().trim().split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList());
    }
}
