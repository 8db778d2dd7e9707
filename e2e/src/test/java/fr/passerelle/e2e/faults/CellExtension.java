package fr.passerelle.e2e.faults;

import fr.passerelle.e2e.support.StackExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives fault tests the private {@link Cell}, started once for all of them after the shared stack (Keycloak and
 * the directory database are the stack's), and stopped when the suite ends (root store); each test class puts
 * back what it broke in its own @AfterAll.
 */
public class CellExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CellExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cell.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        StackExtension.stack(context);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Cell.class, key -> Cell.start(), Cell.class);
    }
}
