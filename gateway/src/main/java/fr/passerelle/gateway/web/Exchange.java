package fr.passerelle.gateway.web;

import fr.passerelle.gateway.proxy.RouteDef;

/** What the gateway knows about one request, for the access log and the metrics. */
public final class Exchange {

    public static final String KEY = "passerelle.exchange";
    public static final String NO_ROUTE = "none";

    public final String requestId;
    public final long startNanos;
    /** Route name once known; {@link #NO_ROUTE} for paths outside the table. */
    public String route = NO_ROUTE;
    /** The route an /api path maps to, or null. */
    public RouteDef target;
    /** A page of the web application (relayed without a token check); its refusals may answer HTML. */
    public boolean page;

    public Exchange(String requestId, long startNanos) {
        this.requestId = requestId;
        this.startNanos = startNanos;
    }
}
