package fr.passerelle.referral.client;

/** The directory could not answer (down, slow, circuit open): the caller must not write anything. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message) {
        super(message, null, false, false);
    }
}
