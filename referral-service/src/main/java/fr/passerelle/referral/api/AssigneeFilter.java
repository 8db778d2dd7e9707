package fr.passerelle.referral.api;

import fr.passerelle.common.problem.ProblemException;

/** The {@code assignee} query parameter of lists: {@code me} (assigned to the caller), {@code none} (unassigned), or absent. */
public enum AssigneeFilter {
    ANY, ME, NONE;

    public static final String VALUES = "me, none";

    /** 400 for anything but {@code me} or {@code none}. */
    public static AssigneeFilter parse(String raw) {
        if (raw == null) {
            return ANY;
        }
        return switch (raw) {
            case "me" -> ME;
            case "none" -> NONE;
            default -> throw ProblemException.badParameter("assignee", "must be me or none", "UNKNOWN_VALUE");
        };
    }
}
