package fr.passerelle.testing.archexample.good.rest;

import fr.passerelle.testing.archexample.good.service.ThingService;
import jakarta.ws.rs.QueryParam;

public class ThingResource implements ThingsApi {

    private final ThingService things = new ThingService();

    @Override
    public String list(String q, @QueryParam("size") Integer size) {
        return things.list(q, size);
    }
}
