package fr.passerelle.referral.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import fr.passerelle.referral.arch.fixture.LeakyCaseRepository;
import fr.passerelle.referral.arch.fixture.UnscopedReader;
import fr.passerelle.referral.domain.AccessScope;
import fr.passerelle.referral.domain.CaseEvent;
import fr.passerelle.referral.domain.FollowUpEntry;
import fr.passerelle.referral.domain.PupilCase;
import fr.passerelle.referral.domain.Referral;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pupil data is read only through an access decision (AccessScope), by construction rather than by habit: the rules
 * below fail the build when a read of cases, referrals, timelines or follow-ups could be written without one. Each
 * rule is also run against a deliberately wrong fixture, so a rule that silently matches nothing is noticed.
 */
class PupilDataAccessTest {

    /** The entities that hold what is known of a young person. */
    private static final Set<String> PUPIL_DATA = Set.of(PupilCase.class.getName(), Referral.class.getName(),
            CaseEvent.class.getName(), FollowUpEntry.class.getName());

    /** Panache's active-record methods: each reads or writes rows with no access decision. */
    private static final Set<String> ACTIVE_RECORD = Set.of("findById", "findByIdOptional", "find", "findAll", "list", "listAll",
            "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update", "getEntityManager", "getSession");

    /** The EntityManager's ways to read rows. */
    private static final Set<String> QUERIES = Set.of("createQuery", "createNativeQuery", "createNamedQuery",
            "createStoredProcedureQuery", "find", "getReference");

    /**
     * The reviewed uses of the unrestricted scope (each states its reason): the subject-access export, retention, the
     * deadline job, closing/withdrawal/merge (which act on the whole case the caller reads), territory statistics.
     */
    private static final Set<String> MAY_READ_EVERYTHING = Set.of("AuditService", "RetentionJob", "DeadlineJob", "CaseService",
            "StatsService");

    private static JavaClasses production;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.passerelle.referral");
        fixtures = new ClassFileImporter().importClasses(LeakyCaseRepository.class, UnscopedReader.class);
    }

    // ------------------------------------------------------------------ the rules

    /** A Panache repository of a pupil-data entity would offer findById/listAll/... to every caller. */
    static final ArchRule NO_PANACHE_REPOSITORY_OF_PUPIL_DATA = classes().that().areAssignableTo(PanacheRepositoryBase.class)
            .should(new ArchCondition<JavaClass>("not be a Panache repository of a pupil-data entity") {
                @Override
                public void check(JavaClass repository, ConditionEvents events) {
                    for (JavaType type : repository.getInterfaces()) {
                        if (mentionsPupilData(type)) {
                            events.add(SimpleConditionEvent.violated(repository, repository.getName()
                                    + " inherits unscoped finders through " + type.getName()));
                        }
                    }
                }
            }).allowEmptyShould(true);

    /** Every query method that answers pupil entities names the access decision it applies. */
    static final ArchRule PUPIL_DATA_READS_TAKE_A_SCOPE = methods().that().arePublic()
            .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Repository")
            .and(new DescribedPredicate<JavaMethod>("answer pupil-data entities") {
                @Override
                public boolean test(JavaMethod method) {
                    return mentionsPupilData(method.getReturnType());
                }
            })
            .should(new ArchCondition<JavaMethod>("take an AccessScope") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean scoped = method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(AccessScope.class));
                    if (!scoped) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " answers pupil data without an AccessScope"));
                    }
                }
            }).allowEmptyShould(true);

    /** PupilCase.findById(id) and friends: a static finder on the entity is a read with no access decision. */
    static final ArchRule NO_ACTIVE_RECORD_ON_PUPIL_DATA = noClasses().should().callMethodWhere(
            new DescribedPredicate<JavaMethodCall>("Panache's active-record methods on a pupil-data entity") {
                @Override
                public boolean test(JavaMethodCall call) {
                    JavaClass owner = call.getTargetOwner();
                    return PUPIL_DATA.contains(owner.getName()) && ACTIVE_RECORD.contains(call.getName())
                            && owner.isAssignableTo(PanacheEntityBase.class);
                }
            });

    /** Queries are written in repositories only, where the scope's predicate is added. */
    static final ArchRule QUERIES_ONLY_IN_REPOSITORIES = noClasses().that().resideOutsideOfPackage("..repository..")
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("an EntityManager query") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().isAssignableTo(EntityManager.class) && QUERIES.contains(call.getName());
                }
            });

    /** A user's scope comes from the token (AccessPolicy) or the statistics' own scoping; never built in rest or a repository. */
    static final ArchRule USER_SCOPES_FROM_THE_POLICY = noClasses()
            .that().doNotHaveSimpleName("AccessPolicy").and().doNotHaveSimpleName("StatsService")
            .should().callMethodWhere(scopeFactory(Set.of("school", "platform", "organisation")));

    /** Each use of the unrestricted scope is on the reviewed list: a new one must be argued for here. */
    static final ArchRule EVERYTHING_ONLY_WHERE_REVIEWED = noClasses()
            .that(new DescribedPredicate<JavaClass>("are not on the reviewed list") {
                @Override
                public boolean test(JavaClass c) {
                    return !MAY_READ_EVERYTHING.contains(c.getSimpleName());
                }
            })
            .should().callMethodWhere(scopeFactory(Set.of("everything")));

    @Test
    void noPanacheRepositoryOfPupilData() {
        NO_PANACHE_REPOSITORY_OF_PUPIL_DATA.check(production);
        assertViolates(NO_PANACHE_REPOSITORY_OF_PUPIL_DATA, "LeakyCaseRepository");
    }

    @Test
    void everyReadOfPupilDataTakesAnAccessScope() {
        PUPIL_DATA_READS_TAKE_A_SCOPE.check(production);
        assertViolates(PUPIL_DATA_READS_TAKE_A_SCOPE, "LeakyCaseRepository.byBirthDate");
    }

    @Test
    void nobodyCallsActiveRecordFindersOnPupilData() {
        NO_ACTIVE_RECORD_ON_PUPIL_DATA.check(production);
        assertViolates(NO_ACTIVE_RECORD_ON_PUPIL_DATA, "PupilCase.findById");
    }

    @Test
    void queriesAreWrittenInRepositoriesOnly() {
        QUERIES_ONLY_IN_REPOSITORIES.check(production);
        assertViolates(QUERIES_ONLY_IN_REPOSITORIES, "EntityManager.createQuery");
    }

    @Test
    void scopesComeFromTheAccessPolicyAndTheUnrestrictedOneOnlyWhereReviewed() {
        USER_SCOPES_FROM_THE_POLICY.check(production);
        EVERYTHING_ONLY_WHERE_REVIEWED.check(production);
        assertViolates(USER_SCOPES_FROM_THE_POLICY, "AccessScope.school");
        assertViolates(EVERYTHING_ONLY_WHERE_REVIEWED, "AccessScope.everything");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertViolates(ArchRule rule, String expected) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertTrue(result.hasViolation(), "the rule must catch the fixture: " + rule.getDescription());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(expected), report);
        assertFalse(rule.evaluate(production).hasViolation());
    }

    private static DescribedPredicate<JavaMethodCall> scopeFactory(Set<String> names) {
        return new DescribedPredicate<>("AccessScope." + names) {
            @Override
            public boolean test(JavaMethodCall call) {
                // The factories are static; the accessors of the same names (platform(), ...) are not.
                return call.getTargetOwner().isEquivalentTo(AccessScope.class) && names.contains(call.getName())
                        && call.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
            }
        };
    }

    /** Whether a type is, or is parameterised with (Optional, List, PageResult, ...), a pupil-data entity. */
    static boolean mentionsPupilData(JavaType type) {
        List<JavaType> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            JavaType t = pending.remove(pending.size() - 1);
            if (PUPIL_DATA.contains(t.toErasure().getName())) {
                return true;
            }
            if (t instanceof JavaParameterizedType p) {
                pending.addAll(p.getActualTypeArguments());
            } else if (t instanceof JavaWildcardType w) {
                pending.addAll(w.getUpperBounds());
            } else if (t instanceof JavaClass c && c.isArray()) {
                pending.add(c.getComponentType());
            }
        }
        return false;
    }

}
