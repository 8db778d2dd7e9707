package fr.passerelle.testing.archexample.bad.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/sloppy")
public interface SloppyApi {

    @GET
    String list(@QueryParam("size") Integer size);
}
