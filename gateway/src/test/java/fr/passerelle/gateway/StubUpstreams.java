package fr.passerelle.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Two stub services on random ports (WireMock) standing for directory-service and referral-service, one for the web application,
 * plus two test-only routes: one to a port where nothing listens, one with a short timeout.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    static WireMockServer directory;
    static WireMockServer referral;
    static WireMockServer web;

    @Override
    public Map<String, String> start() {
        directory = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(16).gzipDisabled(true));
        referral = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(16).gzipDisabled(true));
        web = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(8).gzipDisabled(true));
        directory.start();
        referral.start();
        web.start();
        Map<String, String> config = new HashMap<>();
        config.put("gateway.upstreams.directory.url", "http://127.0.0.1:" + directory.port());
        config.put("gateway.upstreams.referral.url", "http://127.0.0.1:" + referral.port());
        // The services' management interfaces: the same stubs, under /management, so a probe that misses them shows.
        config.put("gateway.upstreams.directory.management-url", "http://127.0.0.1:" + directory.port() + "/management");
        config.put("gateway.upstreams.referral.management-url", "http://127.0.0.1:" + referral.port() + "/management");
        config.put("gateway.upstreams.web.url", "http://127.0.0.1:" + web.port());
        config.put("gateway.upstreams.web.management-url", "http://127.0.0.1:" + web.port() + "/management");
        config.put("gateway.upstreams.down.url", "http://127.0.0.1:" + freePort());
        config.put("gateway.upstreams.down.circuit-breaker.failure-threshold", "1000");
        config.put("gateway.routes.down.prefix", "/api/v1/test-down");
        config.put("gateway.routes.down.upstream", "down");
        config.put("gateway.routes.slow.prefix", "/api/v1/test-slow");
        config.put("gateway.routes.slow.upstream", "directory");
        config.put("gateway.routes.slow.timeout", "400ms");
        return config;
    }

    @Override
    public void stop() {
        if (directory != null) {
            directory.stop();
        }
        if (referral != null) {
            referral.stop();
        }
        if (web != null) {
            web.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
