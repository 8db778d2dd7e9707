package fr.passerelle.referral.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The suppression rule and its proof: for many random tables, every hidden entry has an alternative non-negative
 * integer table that agrees with every published value and every margin equation but differs in that entry.
 */
class SuppressionTest {

    @Test
    void theIssueCaseTotalEighteenPlatformSeventeenHidesBoth() {
        // one platform with 17 of 18 referrals: the "other" 1 is hidden, so the 17 must be too; the total stays
        boolean[] hidden = Suppression.suppressList(new long[] {17, 1}, 18);
        assertArrayEquals(new boolean[] {true, true, false}, hidden);
    }

    @Test
    void smallCountsAreHiddenAndTrueZerosPublished() {
        boolean[] hidden = Suppression.suppressList(new long[] {0, 12, 9, 0}, 21);
        assertArrayEquals(new boolean[] {false, false, false, false, false}, hidden);
        hidden = Suppression.suppressList(new long[] {3, 2, 20}, 25);
        assertArrayEquals(new boolean[] {true, true, false, false}, hidden, "two small cells protect each other");
    }

    @Test
    void aSingleSmallCellInATableHidesAWholeRectangle() {
        long[][] grid = withMargins(new long[][] {{10, 2, 8}, {7, 9, 6}, {12, 11, 15}});
        boolean[][] hidden = Suppression.suppress(grid, true);
        assertTrue(hidden[0][1]);
        assertEquals(0, countBridgesOrSingles(grid, hidden, true));
        // the smallest partners are chosen: 6 in the row of the 2... and the rectangle closes
        int n = 0;
        for (boolean[] row : hidden) {
            for (boolean h : row) {
                n += h ? 1 : 0;
            }
        }
        assertEquals(4, n, "a 2 needs exactly a rectangle of four hidden cells");
        assertFalse(hidden[3][3], "the grand total stays published");
    }

    @Test
    void aSmallRowTotalIsHiddenWithItsCells() {
        long[][] grid = withMargins(new long[][] {{3, 0, 0}, {8, 9, 10}, {12, 11, 15}});
        boolean[][] hidden = Suppression.suppress(grid, true);
        assertTrue(hidden[0][0]);
        assertTrue(hidden[0][3], "a school with 3 referrals shows no row total");
        assertFalse(hidden[0][1], "a true zero stays published");
        assertEquals(0, countBridgesOrSingles(grid, hidden, true));
    }

    @Test
    void propertyNoHiddenEntryCanBeRecomputed() {
        Random random = new Random(20261130L);
        int tables = 0;
        int hiddenChecked = 0;
        for (int t = 0; t < 3000; t++) {
            boolean rowTotals = t % 4 != 0;
            int rows = 1 + random.nextInt(7);
            int cols = rowTotals ? 1 + random.nextInt(6) : 1;
            int small = random.nextInt(3); // 0: large counts, 1: mixed, 2: mostly small cells
            long[][] cells = new long[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    cells[r][c] = switch (small) {
                        case 0 -> random.nextInt(40);
                        case 1 -> random.nextBoolean() ? random.nextInt(6) : random.nextInt(60);
                        default -> random.nextInt(10) < 8 ? random.nextInt(5) : random.nextInt(30);
                    };
                }
            }
            long[][] grid = rowTotals ? withMargins(cells) : withColumnTotals(cells);
            boolean[][] hidden = Suppression.suppress(grid, rowTotals);
            tables++;
            for (int r = 0; r < grid.length; r++) {
                for (int c = 0; c < grid[0].length; c++) {
                    assertFalse(!hidden[r][c] && grid[r][c] > 0 && grid[r][c] < Suppression.THRESHOLD,
                            "a small count was published at " + r + "," + c + " in table " + t);
                    if (hidden[r][c]) {
                        long[][] alternative = alternative(grid, hidden, rowTotals, r, c);
                        assertNotNull(alternative, "hidden entry " + r + "," + c + " of table " + t + " is determined");
                        assertConsistent(grid, hidden, rowTotals, alternative);
                        assertTrue(alternative[r][c] != grid[r][c]);
                        hiddenChecked++;
                    }
                }
            }
            assertEquals(0, countBridgesOrSingles(grid, hidden, rowTotals), "table " + t);
        }
        System.out.printf("Suppression property: %d random tables checked, %d hidden entries each shown to have"
                + " another non-negative value consistent with every published figure%n", tables, hiddenChecked);
        assertTrue(hiddenChecked > 1000, "the generator must produce many hidden cells");
    }

    // ------------------------------------------------------------------ helpers

    static long[][] withMargins(long[][] cells) {
        int rows = cells.length;
        int cols = cells[0].length;
        long[][] grid = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = cells[r][c];
                grid[r][cols] += cells[r][c];
                grid[rows][c] += cells[r][c];
                grid[rows][cols] += cells[r][c];
            }
        }
        return grid;
    }

    static long[][] withColumnTotals(long[][] cells) {
        int rows = cells.length;
        int cols = cells[0].length;
        long[][] grid = new long[rows + 1][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = cells[r][c];
                grid[rows][c] += cells[r][c];
            }
        }
        return grid;
    }

    /** Lines with exactly one hidden entry plus hidden bridges; a safe table has none. */
    private static int countBridgesOrSingles(long[][] grid, boolean[][] hidden, boolean rowTotals) {
        int bad = 0;
        for (List<int[]> line : Suppression.lines(grid.length, grid[0].length, rowTotals)) {
            long n = line.stream().filter(e -> hidden[e[0]][e[1]]).count();
            if (n == 1) {
                bad++;
            }
        }
        return bad + (Suppression.firstBridge(hidden, grid.length, grid[0].length, rowTotals) == null ? 0 : 1);
    }

    /**
     * Searches a cycle of hidden entries through (hr, hc), alternating +1/-1 along it (signs flipped on margins so
     * that every equation still holds), such that no entry goes below zero. Independent of the class under test.
     */
    private static long[][] alternative(long[][] grid, boolean[][] hidden, boolean rowTotals, int hr, int hc) {
        int rows = grid.length;
        int cols = grid[0].length;
        int free = rows + cols;
        List<int[]> edges = new ArrayList<>();
        int start = -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (hidden[r][c]) {
                    if (r == hr && c == hc) {
                        start = edges.size();
                    }
                    edges.add(new int[] {rowTotals ? r : free, rows + c, r, c});
                }
            }
        }
        int[] h = edges.get(start);
        List<List<Integer>> paths = new ArrayList<>();
        boolean[] visited = new boolean[free + 1];
        visited[h[1]] = true;
        paths(edges, start, h[1], h[0], visited, new ArrayList<>(), paths);
        for (List<Integer> path : paths) {
            List<Integer> cycle = new ArrayList<>();
            cycle.add(start);
            cycle.addAll(path);
            for (int sign : new int[] {1, -1}) {
                long[][] alt = new long[rows][];
                for (int r = 0; r < rows; r++) {
                    alt[r] = grid[r].clone();
                }
                int s = sign;
                boolean ok = true;
                for (int e : cycle) {
                    int[] edge = edges.get(e);
                    int r = edge[2];
                    int c = edge[3];
                    boolean margin = (r == rows - 1) != (rowTotals && c == cols - 1);
                    alt[r][c] += margin ? -s : s;
                    ok &= alt[r][c] >= 0;
                    s = -s;
                }
                if (ok) {
                    return alt;
                }
            }
        }
        return null;
    }

    private static void paths(List<int[]> edges, int skip, int node, int target, boolean[] visited, List<Integer> path,
                              List<List<Integer>> out) {
        if (out.size() >= 500) {
            return;
        }
        if (node == target) {
            out.add(new ArrayList<>(path));
            return;
        }
        for (int i = 0; i < edges.size(); i++) {
            if (i == skip || path.contains(i)) {
                continue;
            }
            int[] e = edges.get(i);
            int next = e[0] == node ? e[1] : e[1] == node ? e[0] : -1;
            if (next < 0 || (visited[next] && next != target)) {
                continue;
            }
            boolean was = visited[next];
            visited[next] = true;
            path.add(i);
            paths(edges, skip, next, target, visited, path, out);
            path.remove(path.size() - 1);
            visited[next] = was;
        }
    }

    private static void assertConsistent(long[][] grid, boolean[][] hidden, boolean rowTotals, long[][] alt) {
        int rows = grid.length;
        int cols = grid[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertTrue(alt[r][c] >= 0);
                if (!hidden[r][c]) {
                    assertEquals(grid[r][c], alt[r][c], "a published value changed");
                }
            }
        }
        if (rowTotals) {
            for (int r = 0; r < rows; r++) {
                long sum = 0;
                for (int c = 0; c < cols - 1; c++) {
                    sum += alt[r][c];
                }
                assertEquals(alt[r][cols - 1], sum, "row equation");
            }
        }
        for (int c = 0; c < cols; c++) {
            long sum = 0;
            for (int r = 0; r < rows - 1; r++) {
                sum += alt[r][c];
            }
            assertEquals(alt[rows - 1][c], sum, "column equation");
        }
    }
}
