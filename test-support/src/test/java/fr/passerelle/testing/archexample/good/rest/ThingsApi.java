package fr.passerelle.testing.archexample.good.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/things")
public interface ThingsApi {

    @GET
    String list(@QueryParam("q") String q, @QueryParam("size") Integer size);
}
