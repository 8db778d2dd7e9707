package fr.passerelle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WrkTest {

    @Test
    void readsTheSummary() {
        String out = """
                Running 10s test @ http://127.0.0.1:8080/api/v1/programmes/codes
                  1 threads and 32 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     4.01ms    2.10ms  40.12ms   90.00%
                    Req/Sec     8.10k   500.00     9.00k    70.00%
                  80612 requests in 10.00s, 150.21MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 5
                Requests/sec:   8060.52
                Transfer/sec:     15.02MB
                """;
        Wrk.Run r = Wrk.parse(out);
        assertEquals(8060.52, r.requestsPerSecond(), 1e-9);
        assertEquals(80612, r.requests());
        assertEquals(8, r.errors());
    }

    @Test
    void noSummaryNoFigure() {
        assertNull(Wrk.parse("unable to connect to 127.0.0.1:8080 Connection refused"));
    }

    @Test
    void runsWrkAgainstALocalServer() throws Exception {
        Path wrk = Path.of("/usr/bin/wrk");
        assumeTrue(Files.isExecutable(wrk), "wrk is not installed here (bench/run installs it)");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/codes", x -> {
            int status = x.getRequestHeaders().getFirst("Authorization").equals("Bearer t") ? 200 : 401;
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            Path log = Files.createTempFile("wrk", ".log");
            Wrk.Run r = Wrk.run(wrk.toString(), URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/codes"), "t", 4, 1, log);
            assertTrue(r.requests() > 0 && r.requestsPerSecond() > 0, Files.readString(log));
            assertEquals(0, r.errors(), Files.readString(log));
        } finally {
            server.stop(0);
        }
    }
}
