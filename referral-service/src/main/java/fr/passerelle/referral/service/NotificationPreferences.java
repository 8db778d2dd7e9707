package fr.passerelle.referral.service;

import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import fr.passerelle.referral.api.NotificationPreferencesRequest;
import fr.passerelle.referral.api.NotificationPreferencesView;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.NotificationMode;
import fr.passerelle.referral.domain.NotificationPreference;
import fr.passerelle.referral.repository.NotificationPreferenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** {@code GET/PUT /api/v1/me/notifications}: a person's e-mail choices, saved with the token's address, role and attachment. */
@ApplicationScoped
public class NotificationPreferences {

    @Inject
    AccessPolicy policy;
    @Inject
    NotificationPreferenceRepository preferences;
    @Inject
    Clock clock;

    @Transactional
    public NotificationPreferencesView get() {
        policy.requireNotificationUser();
        NotificationPreference saved = preferences.findById(policy.subject());
        if (saved == null) {
            return view(policy.email().orElse(null), NotificationMode.OFF, Map.of(), null);
        }
        // A realm admin may have moved the person or changed their address since they saved: follow the token.
        String email = policy.email().orElse(null);
        if (!Objects.equals(saved.attachment, policy.attachment()) || !Objects.equals(saved.role, policy.role())
                || !Objects.equals(saved.email, email)) {
            saved.role = policy.role();
            saved.attachment = policy.attachment();
            saved.email = email;
            saved.updatedAt = clock.instant();
        }
        return view(saved);
    }

    @Transactional
    public NotificationPreferencesView put(NotificationPreferencesRequest body) {
        policy.requireNotificationUser();
        Map<String, String> modes = new TreeMap<>();
        List<Violation> unknown = new ArrayList<>();
        if (body.events() != null) {
            body.events().forEach((type, mode) -> {
                if (EventType.fromWire(type).isEmpty()) {
                    unknown.add(new Violation("events." + type, "unknown event type", "UNKNOWN_EVENT_TYPE"));
                } else if (mode == null) {
                    unknown.add(new Violation("events." + type, "must be OFF, IMMEDIATE or DAILY_DIGEST", "NOT_NULL"));
                } else {
                    modes.put(type, mode.name());
                }
            });
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("Unknown event type(s) or missing mode(s) in events.", unknown);
        }
        String email = policy.email().orElse(null);
        if (body.email() != null && !body.email().equalsIgnoreCase(Objects.toString(email, ""))) {
            throw ProblemException.unprocessable("email", "the address is your account's (token) and cannot be changed here",
                    "EMAIL_FROM_ACCOUNT");
        }
        boolean wantsMail = body.defaultMode() != NotificationMode.OFF
                || modes.values().stream().anyMatch(m -> !NotificationMode.OFF.name().equals(m));
        if (wantsMail && email == null) {
            throw ProblemException.unprocessable("email", "your account has no verified e-mail address: only OFF can be chosen",
                    "NO_EMAIL");
        }
        preferences.lockSubject(policy.subject());
        NotificationPreference p = preferences.findById(policy.subject());
        boolean created = p == null;
        if (created) {
            p = new NotificationPreference();
            p.subject = policy.subject();
        }
        p.role = policy.role();
        p.attachment = policy.attachment();
        p.email = email;
        p.defaultMode = body.defaultMode();
        p.eventModes = modes;
        p.updatedAt = clock.instant();
        if (created) {
            preferences.persist(p);
        }
        return view(p);
    }

    private NotificationPreferencesView view(NotificationPreference p) {
        Map<String, NotificationMode> explicit = new LinkedHashMap<>();
        if (p.eventModes != null) {
            p.eventModes.forEach((k, v) -> explicit.put(k, NotificationMode.valueOf(v)));
        }
        return new NotificationPreferencesView(p.email, p.role, p.attachment, p.defaultMode, effective(p.defaultMode, explicit), p.updatedAt);
    }

    private NotificationPreferencesView view(String email, NotificationMode defaultMode, Map<String, NotificationMode> explicit,
                                             java.time.Instant updatedAt) {
        return new NotificationPreferencesView(email, policy.role(), policy.attachment(), defaultMode, effective(defaultMode, explicit),
                updatedAt);
    }

    private static Map<String, NotificationMode> effective(NotificationMode defaultMode, Map<String, NotificationMode> explicit) {
        Map<String, NotificationMode> all = new LinkedHashMap<>();
        for (EventType t : EventType.values()) {
            all.put(t.wire(), explicit.getOrDefault(t.wire(), defaultMode));
        }
        return all;
    }
}
