package fr.passerelle.gateway.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The public route table, longest prefix first so a more specific route wins. */
public final class RouteTable {

    private final RouteDef[] routes;

    public RouteTable(List<RouteDef> routes) {
        List<RouteDef> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((RouteDef r) -> r.prefix().length()).reversed());
        this.routes = sorted.toArray(RouteDef[]::new);
    }

    /** @return the route for this path, or null */
    public RouteDef find(String path) {
        for (RouteDef route : routes) {
            if (route.matches(path)) {
                return route;
            }
        }
        return null;
    }

    public List<RouteDef> all() {
        return List.of(routes);
    }

    /** The upstream that serves this path through the gateway, or null (used to filter the merged OpenAPI paths). */
    public Upstream upstreamOf(String path) {
        RouteDef route = find(path);
        return route == null ? null : route.upstream();
    }
}
