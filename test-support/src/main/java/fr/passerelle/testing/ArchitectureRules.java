package fr.passerelle.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.EvaluationResult;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shape every Passerelle module keeps (STYLE.md), stated once and checked by a three-line test in each module:
 * packages by role under the module's base package ({@code rest}, {@code service}, {@code repository},
 * {@code client}, {@code mapping}, {@code domain}, {@code seed}, {@code api}, {@code config}), and a request that
 * crosses them in one direction only, {@code rest → service → repository/client}, never back. A module without
 * some of these packages (the gateway has none of the service layers) is held to the rules that concern the
 * packages it has.
 */
public final class ArchitectureRules {

    private static final String[] HTTP = {"jakarta.ws.rs..", "org.jboss.resteasy.."};

    private final String base;
    private final JavaClasses classes;
    private final Map<String, String> waived;

    private ArchitectureRules(String base, JavaClasses classes, Map<String, String> waived) {
        this.base = base;
        this.classes = classes;
        this.waived = waived;
    }

    /** The rules for the main classes (tests excluded) under this base package, e.g. {@code fr.passerelle.directory}. */
    public static ArchitectureRules of(String basePackage) {
        return new ArchitectureRules(basePackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage), Map.of());
    }

    /** The rules over test classes too: for the rules' own tests, whose example modules are test classes. */
    static ArchitectureRules ofTestClasses(String basePackage) {
        return new ArchitectureRules(basePackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage), Map.of());
    }

    /**
     * The same rules with one known breach let through, and why. A waiver must keep being needed: once the module
     * keeps the rule, {@link #check} fails until the waiver is removed.
     */
    public ArchitectureRules waiving(String rule, String why) {
        if (!rules().containsKey(rule)) {
            throw new IllegalArgumentException("no rule named \"" + rule + "\": " + rules().keySet());
        }
        Map<String, String> more = new LinkedHashMap<>(waived);
        more.put(rule, why);
        return new ArchitectureRules(base, classes, more);
    }

    /** Every rule by its name, in the order they are best read. */
    public Map<String, ArchRule> rules() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("layers are crossed in one direction only", layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Rest").definedBy(pkg("rest"))
                .layer("Service").definedBy(pkg("service"))
                .layer("Seed").definedBy(pkg("seed"))
                .layer("Repository").definedBy(pkg("repository"))
                .layer("Client").definedBy(pkg("client"))
                .layer("Mapping").definedBy(pkg("mapping"))
                .layer("Domain").definedBy(pkg("domain"))
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Seed").mayNotBeAccessedByAnyLayer()
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest", "Seed")
                .whereLayer("Repository").mayOnlyBeAccessedByLayers("Service", "Seed")
                .whereLayer("Client").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Mapping").mayOnlyBeAccessedByLayers("Service")
                .because("the request's path is rest → service → repository/client, never back (STYLE.md)"));
        rules.put("resources never touch repositories or clients", noClasses().that().resideInAPackage(pkg("rest"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("repository"), pkg("client"))
                .because("a resource maps, delegates to a service and answers; it never builds a query")
                .allowEmptyShould(true));
        rules.put("nothing outside rest depends on rest", noClasses().that().resideOutsideOfPackage(pkg("rest"))
                .should().dependOnClassesThat().resideInAPackage(pkg("rest"))
                .because("HTTP is the outer layer: services, configuration and mappers are callable without it")
                .allowEmptyShould(true));
        rules.put("only rest and clients speak HTTP", noClasses().that().resideInAnyPackage(pkg("service"), pkg("repository"),
                        pkg("domain"), pkg("mapping"), pkg("config"), pkg("seed"))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("a repository never knows about HTTP, nor does a rule or an entity")
                .allowEmptyShould(true));
        rules.put("entities never leave the service layer", noClasses().that().resideInAnyPackage(pkg("rest"), pkg("api"))
                .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
                .because("resources and DTOs see records made for the API, never an entity")
                .allowEmptyShould(true));
        rules.put("the domain depends on no other layer", noClasses().that().resideInAPackage(pkg("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("rest"), pkg("service"), pkg("repository"),
                        pkg("client"), pkg("mapping"), pkg("seed"))
                .allowEmptyShould(true));
        rules.put("the API's DTOs depend on no layer but the domain", noClasses().that().resideInAPackage(pkg("api"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("rest"), pkg("service"), pkg("repository"),
                        pkg("client"), pkg("mapping"), pkg("seed"))
                .allowEmptyShould(true));
        rules.put("resources are thin and implement an annotated *Api interface", classes().that().resideInAPackage(pkg("rest"))
                .and().haveSimpleNameEndingWith("Resource")
                .should(implementAnApiInterface()).andShould().notBeAnnotatedWith("jakarta.ws.rs.Path")
                .andShould(declareNoOperationDocumentation())
                .because("paths and OpenAPI documentation live on the *Api interface; the resource maps and delegates (STYLE.md)")
                .allowEmptyShould(true));
        rules.put("typed query parameters repeat their @QueryParam on the resource", classes().that().resideInAPackage(pkg("rest"))
                .and().haveSimpleNameEndingWith("Resource")
                .should(repeatTypedQueryParameters())
                .because("TypedQueryParams names a badly typed parameter from the implementing method's annotations (Java "
                        + "does not inherit parameter annotations): without them the answer is 404, not 400")
                .allowEmptyShould(true));
        rules.put("packages have no cycles", slices().matching(base + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true));
        return rules;
    }

    /** Checks every rule and fails once, naming every rule broken and each of its violations. */
    public void check() {
        List<String> broken = new ArrayList<>();
        rules().forEach((name, rule) -> {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation() && !waived.containsKey(name)) {
                broken.add(name + ":\n  " + String.join("\n  ", result.getFailureReport().getDetails()));
            } else if (!result.hasViolation() && waived.containsKey(name)) {
                broken.add(name + ": kept now, remove its waiver (" + waived.get(name) + ")");
            }
        });
        if (!broken.isEmpty()) {
            throw new AssertionError(base + " breaks " + broken.size() + " architecture rule(s):\n" + String.join("\n", broken));
        }
    }

    /** How many main classes were imported: a module whose classes were not found must not pass silently. */
    public int classCount() {
        return classes.size();
    }

    private static ArchCondition<JavaClass> implementAnApiInterface() {
        return new ArchCondition<>("implement an interface named *Api") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                boolean implemented = resource.getRawInterfaces().stream().anyMatch(i -> i.getSimpleName().endsWith("Api"));
                events.add(new SimpleConditionEvent(resource, implemented,
                        resource.getName() + (implemented ? " implements" : " does not implement") + " an *Api interface"));
            }
        };
    }

    private static ArchCondition<JavaClass> declareNoOperationDocumentation() {
        return new ArchCondition<>("declare no @Operation (it belongs on the *Api interface)") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (JavaMethod method : resource.getMethods()) {
                    if (method.isAnnotatedWith("org.eclipse.microprofile.openapi.annotations.Operation")) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " carries @Operation"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> repeatTypedQueryParameters() {
        return new ArchCondition<>("repeat each typed @QueryParam of its *Api interface with the same name") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                Class<?> type = resource.reflect();
                for (Class<?> api : type.getInterfaces()) {
                    for (Method declared : api.getDeclaredMethods()) {
                        Method implemented;
                        try {
                            implemented = type.getMethod(declared.getName(), declared.getParameterTypes());
                        } catch (NoSuchMethodException e) {
                            continue;
                        }
                        for (int i = 0; i < declared.getParameterCount(); i++) {
                            Parameter p = declared.getParameters()[i];
                            String query = queryParam(p);
                            if (query == null || !typed(p.getType())) {
                                continue;
                            }
                            if (!query.equals(queryParam(implemented.getParameters()[i]))) {
                                events.add(SimpleConditionEvent.violated(resource, type.getSimpleName() + "."
                                        + implemented.getName() + " does not repeat @QueryParam(\"" + query + "\")"));
                            }
                        }
                    }
                }
            }
        };
    }

    /** The name in a parameter's {@code @QueryParam}, or null (read by name: the gateway has no JAX-RS). */
    private static String queryParam(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a.annotationType().getName().equals("jakarta.ws.rs.QueryParam")) {
                try {
                    return (String) a.annotationType().getMethod("value").invoke(a);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    /** The types TypedQueryParams converts (strings need no converter). */
    private static boolean typed(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Boolean.class || type == LocalDate.class
                || type == Instant.class || type == OffsetDateTime.class || type == UUID.class || type.isEnum();
    }

    private String pkg(String role) {
        return base + "." + role + "..";
    }
}
