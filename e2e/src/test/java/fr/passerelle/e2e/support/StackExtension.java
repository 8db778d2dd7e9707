package fr.passerelle.e2e.support;

import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brings the stack up once for the whole suite: the {@link Stack} lives in the root context's store, so
 * JUnit closes it (stopping a stack this run started) when the last test class has run.
 * Disabled by -Dpasserelle.e2e.skip=true or PASSERELLE_E2E_SKIP=true.
 */
public class StackExtension implements ExecutionCondition, BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    public static boolean skipped() {
        return Boolean.parseBoolean(System.getProperty("passerelle.e2e.skip", "false"))
                || Boolean.parseBoolean(System.getenv().getOrDefault("PASSERELLE_E2E_SKIP", "false"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return skipped()
                ? ConditionEvaluationResult.disabled("end-to-end tests skipped (passerelle.e2e.skip / PASSERELLE_E2E_SKIP)")
                : ConditionEvaluationResult.enabled("end-to-end tests enabled");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    /** The suite's stack, started on first use. */
    public static Stack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Stack.class, key -> {
            configureRestAssured();
            return Stack.bringUp();
        }, Stack.class);
    }

    private static void configureRestAssured() {
        RestAssured.baseURI = Stack.GATEWAY;
        RestAssured.port = 8080;
        // On a failed assertion, show the exchange, but never a bearer token.
        RestAssured.config = RestAssured.config().logConfig(LogConfig.logConfig()
                .enableLoggingOfRequestAndResponseIfValidationFails()
                .blacklistHeader("Authorization"));
    }
}
