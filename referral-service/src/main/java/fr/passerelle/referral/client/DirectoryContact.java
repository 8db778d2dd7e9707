package fr.passerelle.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A functional contact of the directory (generic mailbox, switchboard, website): never a named person's line. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryContact(String kind, String value, String label) {

    /** The EMAIL contacts' addresses, in the directory's order, without duplicates. */
    public static List<String> mailboxes(List<DirectoryContact> contacts) {
        if (contacts == null) {
            return List.of();
        }
        return contacts.stream().filter(c -> c != null && "EMAIL".equals(c.kind()) && c.value() != null && !c.value().isBlank())
                .map(c -> c.value().trim()).distinct().toList();
    }
}
