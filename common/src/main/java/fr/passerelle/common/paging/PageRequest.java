package fr.passerelle.common.paging;

import fr.passerelle.common.problem.ProblemException;

/** Validated page and size query parameters (size 1 to 100, default 20). */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badParameter("page", "must be 0 or more", "MIN");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badParameter("size", "must be between 1 and " + MAX_SIZE, "RANGE");
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
