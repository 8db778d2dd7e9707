package fr.passerelle.referral.client;

/**
 * The directory answered, but not with the record: rate limited (429), this service's own token refused even
 * after a renewal (401), or another answer this client does not expect. Unavailability for the caller (503) and
 * a failure for the circuit breaker, but retrying at once would not help, so it is never retried.
 */
public class DirectoryRefusedException extends DirectoryUnavailableException {

    public DirectoryRefusedException(String message) {
        super(message);
    }
}
