package fr.passerelle.directory.service;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.security.Caller;
import fr.passerelle.common.security.Roles;
import fr.passerelle.common.security.Scopes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may use the directory: any person with a Passerelle role reads it; another system needs
 * the directory:read scope; only directory editors write. The directory holds no pupil data.
 */
@ApplicationScoped
public class DirectoryAccess {

    public void requireRead(Caller caller) {
        boolean allowed = caller.serviceAccount()
                ? caller.scopes().contains(Scopes.DIRECTORY_READ)
                : caller.hasAnyRole(Roles.REFERENT, Roles.COORDINATOR, Roles.PARTNER, Roles.DIRECTORY_ADMIN, Roles.AUDITOR);
        if (!allowed) {
            throw ProblemException.forbidden("Reading the directory needs a Passerelle role or the directory:read scope.");
        }
    }

    public void requireEdit(Caller caller) {
        if (!caller.hasRole(Roles.DIRECTORY_ADMIN)) {
            throw ProblemException.forbidden("Only directory editors change the directory.");
        }
    }
}
