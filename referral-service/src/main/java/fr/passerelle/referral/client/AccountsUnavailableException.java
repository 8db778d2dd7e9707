package fr.passerelle.referral.client;

/** Keycloak could not tell who holds an account (down, slow, 5xx, refused our token, circuit open). */
public class AccountsUnavailableException extends RuntimeException {

    public AccountsUnavailableException(String message) {
        super(message, null, false, false);
    }
}
