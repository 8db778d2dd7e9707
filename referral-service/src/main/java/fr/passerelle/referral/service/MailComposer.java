package fr.passerelle.referral.service;

import fr.passerelle.referral.config.ReferralConfig;
import fr.passerelle.referral.domain.EventType;
import fr.passerelle.referral.domain.MailMessage;
import fr.passerelle.referral.domain.MailTemplate;
import fr.passerelle.referral.domain.DeadlineStage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The French text of each message, from the queued facts only (codes, dates, references, directory names): nothing
 * here can put a young person's name or a comment in a message, because the facts never hold them.
 */
@ApplicationScoped
public class MailComposer {

    public record Composed(String subject, String text) {
    }

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String FOOTER_MAILBOX = "Vous recevez ce message car cette adresse est une boîte fonctionnelle de votre"
            + " structure dans l'annuaire Passerelle.";
    private static final String FOOTER_USER = "Vous recevez ce message selon vos préférences de notification (Passerelle,"
            + " « Mes notifications »).";

    @Inject
    ReferralConfig config;
    @Inject
    @Location("mail/event.txt")
    Template event;
    @Inject
    @Location("mail/digest.txt")
    Template digest;
    @Inject
    @Location("mail/webhook-disabled.txt")
    Template webhookDisabled;

    public Composed compose(MailMessage m) {
        Map<String, Object> f = m.facts;
        String footer = m.recipientKind == MailMessage.RecipientKind.MAILBOX ? FOOTER_MAILBOX : FOOTER_USER;
        return switch (m.template) {
            case DIGEST -> digest(f);
            case WEBHOOK_DISABLED -> new Composed("[Passerelle] Abonnement webhook désactivé (" + s(f, "host") + ")",
                    webhookDisabled.data("host", s(f, "host")).data("date", day(s(f, "disabledAt")))
                            .data("subscriptionId", s(f, "subscriptionId")).data("footer", footer).render());
            default -> event(m.template, f, footer);
        };
    }

    private Composed event(MailTemplate template, Map<String, Object> f, String footer) {
        EventType type = EventType.fromWire(s(f, "type")).orElse(null);
        String reference = s(f, "reference");
        String target = s(f, "targetName");
        String subjectLabel = switch (template) {
            case OVERDUE_REMINDER -> "Relance : orientation en attente au-delà du délai";
            case OVERDUE_ESCALATION -> "Escalade : orientation en retard";
            default -> type == null ? "Nouvel événement" : type.label();
        };
        String due = null;
        if (type == EventType.REFERRAL_OVERDUE) {
            due = "Étape en retard : " + stage(s(f, "stage")) + (f.get("dueAt") == null ? "" : ", échéance dépassée le " + day(s(f, "dueAt")));
        }
        String text = event.data("sentence", sentence(template, type, target))
                .data("urgency", s(f, "urgencyLabel"))
                .data("target", target)
                .data("due", due)
                .data("reference", reference)
                .data("referenceNote", reference != null && reference.startsWith("DOS-")
                        ? "référence du dossier, à rappeler dans vos échanges" : "référence de l'orientation, à rappeler dans vos échanges")
                .data("link", link(s(f, "path")))
                .data("footer", footer)
                .render();
        return new Composed("[Passerelle] " + subjectLabel + " – " + reference, text);
    }

    @SuppressWarnings("unchecked")
    private Composed digest(Map<String, Object> f) {
        List<Map<String, Object>> items = new ArrayList<>();
        Object raw = f.get("items");
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> item = (Map<String, Object>) o;
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("label", EventType.fromWire(s(item, "type")).map(EventType::label).orElse("Événement"));
                line.put("reference", s(item, "reference"));
                line.put("urgency", s(item, "urgencyLabel"));
                line.put("link", link(s(item, "path")));
                items.add(line);
            }
        }
        String date = day(s(f, "date"));
        String text = digest.data("date", date).data("count", items.size()).data("items", items).render();
        return new Composed("[Passerelle] Récapitulatif du " + date + " – " + items.size() + " événement(s)", text);
    }

    /** What happened, in one French sentence, for the party told. */
    static String sentence(MailTemplate template, EventType type, String target) {
        String to = target == null ? "" : " « " + target + " »";
        if (template == MailTemplate.OVERDUE_REMINDER) {
            return "Une orientation adressée à" + (target == null ? " votre structure" : to)
                    + " attend une action de votre part au-delà du délai prévu. Merci de la traiter ou d'indiquer où elle en est.";
        }
        if (template == MailTemplate.OVERDUE_ESCALATION) {
            return "Une orientation coordonnée par votre plateforme n'a pas été traitée dans le délai prévu"
                    + (target == null ? "" : " par" + to) + ". Elle vous est signalée pour suite à donner.";
        }
        if (type == null) {
            return "Un événement a eu lieu sur une orientation que vous suivez.";
        }
        return switch (type) {
            case REFERRAL_SUBMITTED -> "Une nouvelle orientation a été adressée à" + (target == null ? " votre structure" : to)
                    + ". Elle attend d'être prise en compte.";
            case REFERRAL_RECEIVED -> "L'orientation a été prise en compte par" + (target == null ? " son destinataire" : to) + ".";
            case REFERRAL_REDIRECTED -> "L'orientation a été réorientée par la plateforme vers un dispositif.";
            case REFERRAL_ACCEPTED -> "L'orientation vers" + (target == null ? " le dispositif" : to) + " a été acceptée.";
            case REFERRAL_WAITLISTED -> "L'orientation vers" + (target == null ? " le dispositif" : to) + " a été placée en liste d'attente.";
            case REFERRAL_DECLINED -> "L'orientation vers" + (target == null ? " le dispositif" : to) + " n'a pas été retenue.";
            case REFERRAL_STARTED -> "L'accompagnement par" + (target == null ? " le dispositif" : to) + " a commencé.";
            case REFERRAL_COMPLETED -> "L'accompagnement par" + (target == null ? " le dispositif" : to)
                    + " est terminé ; sa sortie a été enregistrée.";
            case REFERRAL_CANCELLED -> "L'orientation adressée à" + (target == null ? " votre structure" : to)
                    + " a été annulée : aucune suite n'est attendue.";
            case REFERRAL_OVERDUE -> "Une orientation que vous suivez a dépassé son délai de traitement.";
            case REFERRAL_ASSIGNED -> "L'orientation a été attribuée à un membre de l'équipe qui en a la charge.";
            case REFERRAL_OUTCOME_FOLLOW_UP_DUE -> "L'accompagnement par" + (target == null ? " votre dispositif" : to)
                    + " s'est terminé il y a 6 ou 12 mois : merci d'indiquer dans Passerelle la situation actuelle du jeune"
                    + " (suivi des sorties).";
            case FOLLOWUP_ADDED -> "Une nouvelle entrée a été ajoutée au suivi de l'orientation.";
            case CASE_CLOSED -> "Un dossier a été clos.";
            case CASE_CONSENT_WITHDRAWN -> "Le consentement a été retiré pour un dossier ; ses orientations en cours ont été annulées.";
            case CASE_TRAINING_OBLIGATION_ALERT -> "Un jeune de 16 à 18 ans sorti du système scolaire n'a toujours pas de solution"
                    + " acceptée 60 jours après l'ouverture de son dossier (obligation de formation). Votre plateforme est invitée"
                    + " à prendre contact avec l'équipe qui le suit.";
        };
    }

    private String link(String path) {
        String base = config.web().baseUrl();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + (path == null ? "/" : path);
    }

    private static String stage(String code) {
        if (code == null) {
            return "non précisée";
        }
        try {
            return DeadlineStage.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** dd/MM/yyyy in Paris for an instant or a date; the raw value when it is neither. */
    static String day(String value) {
        if (value == null) {
            return "";
        }
        try {
            return DAY.format(Instant.parse(value).atZone(PARIS));
        } catch (DateTimeParseException notInstant) {
            try {
                return DAY.format(OffsetDateTime.parse(value).atZoneSameInstant(PARIS));
            } catch (DateTimeParseException notOffset) {
                try {
                    return DAY.format(LocalDate.parse(value));
                } catch (DateTimeParseException notDate) {
                    return value;
                }
            }
        }
    }

    private static String s(Map<String, Object> f, String key) {
        Object v = f == null ? null : f.get(key);
        return v == null ? null : v.toString();
    }
}
