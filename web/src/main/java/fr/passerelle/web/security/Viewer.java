package fr.passerelle.web.security;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user as the pages see them: a display name and the roles of the access token, which decide the menu.
 * The menu only hides what a role cannot do; the API decides what the user may read and change.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    public static final String REFERENT = "referent";
    public static final String COORDINATOR = "coordinator";
    public static final String PARTNER = "partner";
    public static final String DIRECTORY_ADMIN = "directory-admin";
    public static final String AUDITOR = "auditor";

    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;

    public boolean isAuthenticated() {
        return identity != null && !identity.isAnonymous();
    }

    public String getName() {
        if (!isAuthenticated()) {
            return "";
        }
        String given = claim("given_name");
        String family = claim("family_name");
        String name = (given + " " + family).trim();
        return name.isEmpty() ? claim("preferred_username") : name;
    }

    public boolean has(String role) {
        return isAuthenticated() && identity.hasRole(role);
    }

    public boolean isReferent() { return has(REFERENT); }
    public boolean isCoordinator() { return has(COORDINATOR); }
    public boolean isPartner() { return has(PARTNER); }
    public boolean isDirectoryAdmin() { return has(DIRECTORY_ADMIN); }
    public boolean isAuditor() { return has(AUDITOR); }
    /** Roles that work on cases and referrals (they have an inbox). */
    public boolean isCaseWorker() { return isReferent() || isCoordinator() || isPartner(); }

    /** The role in French, for the header. */
    public String getRoleLabel() {
        List<String> labels = new ArrayList<>();
        if (isReferent()) labels.add("Référent décrochage");
        if (isCoordinator()) labels.add("Coordination PSAD");
        if (isPartner()) labels.add("Partenaire");
        if (isDirectoryAdmin()) labels.add("Gestion de l'annuaire");
        if (isAuditor()) labels.add("Délégué à la protection des données");
        return String.join(", ", labels);
    }

    /** The menu entries this user may use, in order. */
    public List<MenuEntry> getMenu() {
        List<MenuEntry> menu = new ArrayList<>();
        menu.add(new MenuEntry("/", "Accueil"));
        if (isReferent()) {
            menu.add(new MenuEntry("/dossiers", "Dossiers de l'établissement"));
        }
        if (isCoordinator()) {
            menu.add(new MenuEntry("/triage", "File de triage"));
            menu.add(new MenuEntry("/dossiers", "Dossiers"));
        }
        if (isPartner()) {
            menu.add(new MenuEntry("/orientations", "Orientations reçues"));
            menu.add(new MenuEntry("/places", "Places disponibles"));
        }
        if (isReferent() || isCoordinator()) {
            menu.add(new MenuEntry("/orientations", "Orientations"));
            menu.add(new MenuEntry("/dispositifs/recherche", "Trouver un dispositif"));
        }
        if (isCoordinator() || isDirectoryAdmin() || isAuditor()) {
            // The API scopes the figures to the caller and hides small counts.
            menu.add(new MenuEntry("/statistiques", "Statistiques"));
        }
        if (isDirectoryAdmin()) {
            menu.add(new MenuEntry("/annuaire/dispositifs", "Dispositifs"));
            menu.add(new MenuEntry("/annuaire/structures", "Structures"));
            menu.add(new MenuEntry("/annuaire/etablissements", "Importer des établissements"));
            menu.add(new MenuEntry("/annuaire/journal", "Journal des modifications"));
        }
        if (isAuditor()) {
            menu.add(new MenuEntry("/audit", "Journal des accès"));
            menu.add(new MenuEntry("/audit/droit-d-acces", "Droit d'accès"));
        }
        return menu;
    }

    private String claim(String name) {
        Object value = idToken == null ? null : idToken.getClaim(name);
        return value == null ? "" : value.toString();
    }

    public record MenuEntry(String href, String label) {
    }
}
