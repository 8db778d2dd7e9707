package fr.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcCpuTest {

    // A real line's shape; the command name holds a space and a parenthesis, as a thread's name may.
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 51213 0 12 0 1234 567 0 0 20 0 45 0 "
            + "123456 3456789012 76543 18446744073709551615 1 1 0 0 0 0 0 4096 17612 0 0 0 17 1 0 0 0 0 0";

    @Test
    void utimePlusStimeAreFieldsFourteenAndFifteen() {
        assertEquals(1234 + 567, ProcCpu.ticks(STAT));
        assertEquals("java (main) x", ProcCpu.comm(STAT));
        assertEquals("postgres", ProcCpu.comm("77 (postgres) S 1 77 77 0 -1 4194560 1 0 0 0 5 6 0 0 20 0 1 0 1 1 1"));
    }

    @Test
    void perRequestIsTheTicksInMillisecondsOverTheRequests() {
        ProcCpu cpu = new ProcCpu(Map.of(), 100);
        Map<String, Double> per = cpu.perRequest(ticks("gateway", 100L, ProcCpu.POSTGRES, 1_000L),
                ticks("gateway", 150L, ProcCpu.POSTGRES, 1_160L), 1_000);
        assertEquals(0.5, per.get("gateway"), 1e-9, "50 ticks of 10 ms over 1,000 requests");
        assertEquals(1.6, per.get(ProcCpu.POSTGRES), 1e-9);
        assertEquals(2.1, per.get("total"), 1e-9);
        assertEquals("gateway 0.50 ms, PostgreSQL 1.60, total 2.10", ProcCpu.describe(per));
    }

    @Test
    void readsALiveProcessAndZeroForOneGone() {
        // Linux only, as the bench: the JVM running this test has burnt far more than one tick starting.
        assertTrue(ProcCpu.ticks(ProcessHandle.current().pid()) > 0);
        assertEquals(0, ProcCpu.ticks(Long.MAX_VALUE), "a process gone reads 0");
    }

    @Test
    void theJitCompilersAreShownApartAndNotCountedTwice() {
        ProcCpu cpu = new ProcCpu(Map.of(), 100);
        Map<String, Double> per = cpu.perRequest(ticks("referral-service", 0L, ProcCpu.JIT, 0L),
                ticks("referral-service", 300L, ProcCpu.JIT, 200L), 1_000);
        assertEquals(2.0, per.get(ProcCpu.JIT), 1e-9, "two thirds of the service's ticks were its compiler threads'");
        assertEquals(3.0, per.get("total"), 1e-9, "already in the service's own ticks");
        // This JVM compiles while it runs tests: its compiler threads have ticks of their own.
        assertTrue(ProcCpu.compilerTicks(ProcessHandle.current().pid()) >= 0);
        assertEquals(0, ProcCpu.compilerTicks(Long.MAX_VALUE), "a process gone reads 0");
    }

    /** A snapshot as ProcCpu makes one, in order: name, ticks, name, ticks… */
    private static Map<String, Long> ticks(Object... nameThenTicks) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenTicks.length; i += 2) {
            m.put((String) nameThenTicks[i], (Long) nameThenTicks[i + 1]);
        }
        return m;
    }
}
