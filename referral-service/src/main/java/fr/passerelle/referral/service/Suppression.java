package fr.passerelle.referral.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistical disclosure control for a published count table (the one owner of the rule). The table is given
 * extended with its margins: {@code grid[r][c]} for r &lt; R, c &lt; C are the cells, {@code grid[R][c]} the column
 * totals, and, when the table publishes row totals, {@code grid[r][C]} the row totals and {@code grid[R][C]} the
 * grand total. Without row totals the grid has C columns and {@code grid[R][*]} are the column totals only.
 *
 * <ol>
 * <li>Primary suppression: every entry (cells and margins alike) from 1 to {@link #THRESHOLD}-1 is hidden. True
 * zeros are published: a zero describes nobody, and hiding every zero would hide most of a sparse table for no
 * protection (the usual practice of INSEE and the SSM).</li>
 * <li>Complementary suppression, repeated until nothing changes: a line (a row or a column of the extended grid,
 * i.e. one additivity equation) with exactly one hidden entry gets its smallest published non-zero entry hidden
 * too (a zero only when nothing else is left); and a hidden entry that is a bridge of the "hidden graph" (see
 * below) gets a partner in one of its lines.</li>
 * </ol>
 * Why bridges: write each entry as an edge between its row equation and its column equation (an entry whose row
 * has no published total joins its column equation to a free node). A published value can change only along a cycle
 * of hidden edges, alternating +1 and -1, which keeps every equation true; a hidden edge on no cycle (a bridge) has
 * a single possible value. So a table is safe when no hidden entry is a bridge. Every line with 0 or at least 2
 * hidden entries is necessary, not sufficient; the bridge check closes the gap.
 */
public final class Suppression {

    /** The smallest count that may be published. */
    public static final int THRESHOLD = 5;

    private Suppression() {
    }

    /** Which entries of the extended grid are hidden. The input is not modified. */
    public static boolean[][] suppress(long[][] grid, boolean rowTotals) {
        return suppress(grid, rowTotals, null, null);
    }

    /**
     * As {@link #suppress(long[][], boolean)}, for a table linked to figures published elsewhere: {@code forced}
     * entries start hidden (hidden elsewhere, so hidden here too), and {@code fixed} entries are published elsewhere,
     * so hiding them here would protect nothing: complements are taken among the other entries (a fixed one only if
     * nothing else is left). Either may be null.
     */
    public static boolean[][] suppress(long[][] grid, boolean rowTotals, boolean[][] forced, boolean[][] fixed) {
        int rows = grid.length;
        int cols = grid[0].length;
        boolean[][] hidden = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                hidden[r][c] = primary(grid[r][c]) || (forced != null && forced[r][c]);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<int[]> line : lines(rows, cols, rowTotals)) {
                if (count(line, hidden) == 1 && hideSmallest(line, grid, hidden, fixed)) {
                    changed = true;
                }
            }
            if (!changed) {
                int[] bridge = firstBridge(hidden, rows, cols, rowTotals);
                if (bridge != null) {
                    List<List<int[]>> lines = linesOf(bridge, rows, cols, rowTotals);
                    for (int pass = 0; pass < 2 && !changed; pass++) {
                        for (List<int[]> line : lines) {
                            if (hideSmallest(line, grid, hidden, fixed, pass == 1)) {
                                changed = true;
                                break;
                            }
                        }
                    }
                    if (!changed) {
                        throw new IllegalStateException("a hidden entry cannot be protected: the table is too small");
                    }
                }
            }
        }
        return hidden;
    }

    /** A one-dimensional breakdown (its values and their total): which values, and whether the total, are hidden. */
    public static boolean[] suppressList(long[] values, long total) {
        return suppressList(values, total, false, false);
    }

    /**
     * A breakdown of a figure published elsewhere (a part of a wider table): when that figure is hidden there
     * ({@code totalHidden}) the breakdown must not give it back; when it is published there ({@code totalFixed}) it
     * is never chosen as a complement here.
     */
    public static boolean[] suppressList(long[] values, long total, boolean totalHidden, boolean totalFixed) {
        long[][] grid = new long[values.length + 1][1];
        for (int i = 0; i < values.length; i++) {
            grid[i][0] = values[i];
        }
        grid[values.length][0] = total;
        boolean[][] forced = new boolean[values.length + 1][1];
        boolean[][] fixed = new boolean[values.length + 1][1];
        forced[values.length][0] = totalHidden;
        fixed[values.length][0] = totalFixed;
        boolean[][] hidden = suppress(grid, false, forced, fixed);
        boolean[] out = new boolean[values.length + 1];
        for (int i = 0; i <= values.length; i++) {
            out[i] = hidden[i][0];
        }
        return out;
    }

    static boolean primary(long value) {
        return value > 0 && value < THRESHOLD;
    }

    /** The additivity equations: each row with a published total, and each column. */
    static List<List<int[]>> lines(int rows, int cols, boolean rowTotals) {
        List<List<int[]>> lines = new ArrayList<>();
        if (rowTotals) {
            for (int r = 0; r < rows; r++) {
                List<int[]> line = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    line.add(new int[] {r, c});
                }
                lines.add(line);
            }
        }
        for (int c = 0; c < cols; c++) {
            List<int[]> line = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                line.add(new int[] {r, c});
            }
            lines.add(line);
        }
        return lines;
    }

    private static List<List<int[]>> linesOf(int[] entry, int rows, int cols, boolean rowTotals) {
        List<List<int[]>> out = new ArrayList<>();
        for (List<int[]> line : lines(rows, cols, rowTotals)) {
            if (line.stream().anyMatch(e -> e[0] == entry[0] && e[1] == entry[1])) {
                out.add(line);
            }
        }
        return out;
    }

    private static int count(List<int[]> line, boolean[][] hidden) {
        int n = 0;
        for (int[] e : line) {
            if (hidden[e[0]][e[1]]) {
                n++;
            }
        }
        return n;
    }

    /**
     * Hides the line's smallest published non-zero entry (a zero if nothing else is left), preferring entries not
     * fixed; false if none is left.
     */
    private static boolean hideSmallest(List<int[]> line, long[][] grid, boolean[][] hidden, boolean[][] fixed) {
        return hideSmallest(line, grid, hidden, fixed, false) || hideSmallest(line, grid, hidden, fixed, true);
    }

    private static boolean hideSmallest(List<int[]> line, long[][] grid, boolean[][] hidden, boolean[][] fixed,
                                        boolean evenFixed) {
        int[] best = null;
        for (int[] e : line) {
            if (hidden[e[0]][e[1]] || (!evenFixed && fixed != null && fixed[e[0]][e[1]])) {
                continue;
            }
            long v = grid[e[0]][e[1]];
            if (best == null) {
                best = e;
                continue;
            }
            long b = grid[best[0]][best[1]];
            boolean better = (b == 0 && v > 0) || (v > 0 && v < b);
            if (better) {
                best = e;
            }
        }
        if (best == null) {
            return false;
        }
        hidden[best[0]][best[1]] = true;
        return true;
    }

    /** The first hidden entry that lies on no cycle of hidden entries, or null. */
    static int[] firstBridge(boolean[][] hidden, int rows, int cols, boolean rowTotals) {
        int free = rows + cols;
        List<int[]> edges = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (hidden[r][c]) {
                    edges.add(new int[] {rowTotals ? r : free, rows + c, r, c});
                }
            }
        }
        for (int i = 0; i < edges.size(); i++) {
            int[] e = edges.get(i);
            if (!connected(edges, i, e[0], e[1], free + 1)) {
                return new int[] {e[2], e[3]};
            }
        }
        return null;
    }

    /** Whether a and b are connected by hidden edges other than edge number {@code skip}. */
    private static boolean connected(List<int[]> edges, int skip, int a, int b, int nodes) {
        boolean[] seen = new boolean[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(a);
        seen[a] = true;
        while (!queue.isEmpty()) {
            int n = queue.poll();
            if (n == b) {
                return true;
            }
            for (int i = 0; i < edges.size(); i++) {
                if (i == skip) {
                    continue;
                }
                int[] e = edges.get(i);
                int other = e[0] == n ? e[1] : e[1] == n ? e[0] : -1;
                if (other >= 0 && !seen[other]) {
                    seen[other] = true;
                    queue.add(other);
                }
            }
        }
        return false;
    }
}
