package fr.passerelle.referral.client;

/**
 * The directory could not answer (down, slow, 5xx, circuit open): the caller must not write anything. Never
 * thrown for a record that does not exist, which is the caller's error and an ordinary answer.
 */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message) {
        super(message, null, false, false);
    }
}
